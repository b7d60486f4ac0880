import { type RefObject, useEffect } from 'react'

/**
 * Close a small non-modal popover the usual ways: Escape (focus goes back to its opener),
 * a press outside it, or focus moving elsewhere. A press on the opener is left to the
 * opener, which toggles the popover itself.
 */
export function usePopoverDismiss(popover: RefObject<HTMLElement | null>, opener: RefObject<HTMLElement | null>, onClose: () => void): {
  onKeyDown(e: React.KeyboardEvent): void
  onBlur(e: React.FocusEvent): void
} {
  useEffect(() => {
    const away = (e: PointerEvent) => {
      const target = e.target as Node
      if (!popover.current?.contains(target) && !opener.current?.contains(target)) onClose()
    }
    window.addEventListener('pointerdown', away, true)
    return () => window.removeEventListener('pointerdown', away, true)
  }, [popover, opener, onClose])

  return {
    onKeyDown(e) {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      onClose()
      if (opener.current?.isConnected) opener.current.focus()
    },
    onBlur(e) {
      const next = e.relatedTarget as Node | null
      // null: a press on nothing focusable, which the pointer handler judges
      if (next && !popover.current?.contains(next) && !opener.current?.contains(next)) onClose()
    },
  }
}
