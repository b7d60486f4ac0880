import { type RefObject, useEffect, useRef } from 'react'
import { describeFault, type Fault } from '../../model/faults'
import type { Diagram } from '../../model/types'
import { formatSimTime } from './formatTime'
import { usePopoverDismiss } from './usePopoverDismiss'

/**
 * What a diamond on the timeline stands for, in words, with the two things one does with
 * it: go to its instant, or take it off the timeline (where the diagram can be edited).
 */
export function FaultPopover(props: {
  fault: Fault
  diagram: Diagram
  /** where the diamond sits along the track, 0–100 */
  percent: number
  opener: RefObject<HTMLElement | null>
  onGoTo(): void
  /** absent where the diagram is read-only */
  onRemove?(): void
  onClose(): void
}) {
  const { fault, diagram, percent, opener, onGoTo, onRemove, onClose } = props
  const box = useRef<HTMLDivElement>(null)
  const dismiss = usePopoverDismiss(box, opener, onClose)
  useEffect(() => box.current?.querySelector('button')?.focus(), [])
  const time = formatSimTime(fault.at)
  // opens towards the middle of the track, so a fault near either end stays in view
  const side = percent <= 50 ? { left: `${percent}%` } : { right: `${100 - percent}%` }
  return (
    <div ref={box} role="dialog" aria-label={`Fault at ${time}`} className="fault-popover" style={side} onKeyDown={dismiss.onKeyDown} onBlur={dismiss.onBlur}>
      <p className="fault-popover__what">
        <span className="fault-popover__time">At {time}:</span> {describeFault(fault, diagram)}
      </p>
      <div className="fault-popover__actions">
        <button type="button" onClick={onGoTo}>
          Go to this instant
        </button>
        {onRemove && (
          <button type="button" className="danger" onClick={onRemove}>
            Remove this fault
          </button>
        )}
      </div>
    </div>
  )
}
