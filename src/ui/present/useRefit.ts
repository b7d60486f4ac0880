import { useEffect } from 'react'

/**
 * Frame the diagram again whenever the canvas changes size (the caption grows with a
 * question, full screen starts, the projector's window is resized), while `active`.
 * `refit` says how: the whole diagram, or the part the presenter shows.
 */
export function useRefitOnResize(refit: () => unknown, active: boolean) {
  useEffect(() => {
    const canvas = document.querySelector('.react-flow')
    if (!active || !canvas || typeof ResizeObserver === 'undefined') return
    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => void refit())
    })
    observer.observe(canvas)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [refit, active])
}
