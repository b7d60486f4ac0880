import { isLoadFailure } from '../lib/loadFailure'

/**
 * The rules of a part that loads on first use (LazyPart), kept free of React so that they
 * are unit-tested in Node: what its boundary shows after an error, when it tries again,
 * and how a failed load is fetched again only on a new try.
 *
 * A try is a number: every boundary mount and every reset takes a newer one. A load that
 * failed is started again only under a newer number, so the render React repeats right
 * after an error (and every later re-render of the same try) cannot start an endless round
 * of fetches while the connection is down.
 */
let attempts = 0
export const nextLoadAttempt = () => ++attempts

export interface PartState {
  /** what the part threw, or null while it is fine */
  error: unknown
  /** the message about `error` was dismissed: show nothing until the part is wanted anew */
  dismissed: boolean
  attempt: number
  /** the owner's retryKey when this state was made */
  retryKey: unknown
}

export const initialPartState = (retryKey: unknown): PartState => ({ error: null, dismissed: false, attempt: nextLoadAttempt(), retryKey })

/**
 * The part is wanted anew when its owner's retryKey changes (another scenario opened, the
 * presenter pressed Present again): a failure, shown or dismissed, then gets another try.
 * Null when nothing changes (React's getDerivedStateFromProps).
 */
export function partWanted(state: PartState, retryKey: unknown): Partial<PartState> | null {
  if (Object.is(retryKey, state.retryKey)) return null
  return state.error === null ? { retryKey } : { ...retryNow(state), retryKey }
}

/** "Try again" after a failure: the part is wanted anew now, under a newer try. */
export function retryNow(state: PartState): PartState {
  return { ...state, error: null, dismissed: false, attempt: nextLoadAttempt() }
}

/**
 * What to tell the user about an error from a part. An error that is not a load failure (a
 * fault in the part's own code) is held by the boundary too rather than rethrown: the app
 * has no boundary above it, so rethrowing would blank the whole editor, which is what the
 * boundary is there to prevent. Its message says the part stopped, with the error's own
 * words, rather than blaming the connection, since a reload may not cure a bug.
 */
export function partFailureText(name: string, error: unknown): string {
  const what = isLoadFailure(error) ? `did not load: the connection dropped, or a new version of Wireplay was published since this page opened` : `stopped with an error (${error instanceof Error ? error.message : String(error)})`
  return `The ${name} ${what}. Your diagram is saved.`
}

/**
 * One part's loader across tries: `forAttempt(n)` gives what `make` built around `load`
 * (React's `lazy` in the app), the same one until its load has failed and a newer try asks,
 * then a fresh one that loads again. React's `lazy` alone remembers a rejected load and
 * throws it on every render, so a part that failed once stayed failed until a reload. A
 * load that succeeded is kept for good.
 */
export function retryingLoads<T, L>(load: () => Promise<L>, make: (load: () => Promise<L>) => T): (attempt: number) => T {
  let current: { attempt: number; failed: boolean; made: T } | null = null
  const start = (attempt: number) => {
    const entry: { attempt: number; failed: boolean; made: T } = {
      attempt,
      failed: false,
      made: make(() =>
        load().catch((error: unknown) => {
          entry.failed = true
          throw error
        }),
      ),
    }
    return entry
  }
  return (attempt) => {
    if (current === null || (current.failed && attempt > current.attempt)) current = start(attempt)
    return current.made
  }
}
