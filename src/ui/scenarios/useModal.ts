import { useEffect, useRef } from 'react'

/**
 * A native <dialog> shown as a modal as soon as it mounts (the page behind is inert and
 * Escape closes it). `onClosed` runs after the dialog closed by any means (Escape, a
 * button calling `close`), when the browser has put focus back where it was.
 */
export function useModal(onClosed: () => void) {
  const ref = useRef<HTMLDialogElement>(null)
  const closed = useRef(onClosed)
  useEffect(() => {
    closed.current = onClosed
  })
  useEffect(() => {
    const d = ref.current
    // not closed on unmount: StrictMode's second mount would see a close event
    if (d && !d.open) d.showModal()
  }, [])
  return {
    ref,
    close: () => ref.current?.close(),
    dialogProps: { ref, onClose: () => closed.current() },
  }
}
