import { createContext, createElement, lazy, useContext, type ComponentProps, type ComponentType } from 'react'
import { retryingLoads } from './loadAttempts'

/** The try (see loadAttempts) of the nearest LazyPart, which its lazy parts load under. */
export const LoadAttempt = createContext(0)

/**
 * React's `lazy`, except that a load that failed is tried again on the next try of the
 * LazyPart around it, instead of failing on every render until the page is reloaded.
 */
// `any` as in React's own `lazy`: the loaded component's props are whatever it declares
export function retryingLazy<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): ComponentType<ComponentProps<T>> {
  const forAttempt = retryingLoads(load, lazy)
  return function RetryingLazy(props: ComponentProps<T>) {
    return createElement(forAttempt(useContext(LoadAttempt)), props)
  }
}
