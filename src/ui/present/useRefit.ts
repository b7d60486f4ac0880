import { useEffect } from 'react'
import { FIT_VIEW_OPTIONS } from '../../canvas/fitView'

/**
 * Frame the whole diagram again whenever the canvas changes size (the caption grows with
 * a question, full screen starts, the projector's window is resized), while `active`.
 */
export function useRefitOnResize(fitView: (options: typeof FIT_VIEW_OPTIONS) => unknown, active: boolean) {
  useEffect(() => {
    const canvas = document.querySelector('.react-flow')
    if (!active || !canvas || typeof ResizeObserver === 'undefined') return
    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS))
    })
    observer.observe(canvas)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [fitView, active])
}
