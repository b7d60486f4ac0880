import { useCallback, useEffect, useState } from 'react'

export type Theme = 'light' | 'dark'
const KEY = 'wireplay.theme'
const media = () => window.matchMedia('(prefers-color-scheme: dark)')

function readChoice(): Theme | null {
  try {
    const v = localStorage.getItem(KEY)
    return v === 'light' || v === 'dark' ? v : null
  } catch {
    return null
  }
}

/** Follows the system setting until the user picks a theme; the pick is remembered. */
export function useTheme(): { theme: Theme; toggle(): void } {
  const [choice, setChoice] = useState<Theme | null>(readChoice)
  const [system, setSystem] = useState<Theme>(() => (media().matches ? 'dark' : 'light'))
  useEffect(() => {
    const m = media()
    const on = () => setSystem(m.matches ? 'dark' : 'light')
    m.addEventListener('change', on)
    return () => m.removeEventListener('change', on)
  }, [])
  const theme = choice ?? system
  useEffect(() => {
    document.documentElement.dataset.theme = theme
    document.documentElement.style.colorScheme = theme
  }, [theme])
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark'
    setChoice(next)
    try {
      localStorage.setItem(KEY, next)
    } catch {
      // not remembered; the choice still applies to this page
    }
  }, [theme])
  return { theme, toggle }
}
