import { type RefObject, useCallback, useEffect, useId, useRef, useState } from 'react'
import { describeFault, type Fault } from '../../model/faults'
import type { Diagram } from '../../model/types'
import { formatSimTime } from './formatTime'
import { usePopoverDismiss } from './usePopoverDismiss'

/**
 * "Faults (3)" beside the timeline: every fault of the diagram in time order, each with
 * Go to and (where the diagram can be edited) Remove, and Remove all. Removing is an
 * edit like any other, so Undo brings a fault back and the run replays without it.
 */
export function FaultList(props: { faults: readonly Fault[]; diagram: Diagram; onGoTo(at: number): void; onRemove?(faults: readonly Fault[]): void }) {
  const { faults, diagram, onGoTo, onRemove } = props
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const id = useId()
  const close = useCallback(() => setOpen(false), [])
  // a read-only view has nothing to offer until there is a fault to go to
  if (!onRemove && faults.length === 0) return null
  return (
    <div className="fault-list">
      <button ref={opener} type="button" className="fault-list__toggle" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((o) => !o)}>
        Faults ({faults.length})
      </button>
      {open && <FaultListBox id={id} faults={faults} diagram={diagram} opener={opener} onGoTo={onGoTo} onRemove={onRemove} onClose={close} />}
    </div>
  )
}

function FaultListBox(props: { id: string; faults: readonly Fault[]; diagram: Diagram; opener: RefObject<HTMLElement | null>; onGoTo(at: number): void; onRemove?(faults: readonly Fault[]): void; onClose(): void }) {
  const { id, faults, diagram, opener, onGoTo, onRemove, onClose } = props
  const box = useRef<HTMLDivElement>(null)
  const dismiss = usePopoverDismiss(box, opener, onClose)
  // after a Remove, focus goes to the row that took its place (or the one before, or the box)
  const focusRow = useRef<number | null>(null)
  useEffect(() => box.current?.focus(), [])
  useEffect(() => {
    const row = focusRow.current
    if (row === null) return
    focusRow.current = null
    const buttons = box.current?.querySelectorAll<HTMLButtonElement>('.fault-list__remove') ?? []
    ;(buttons[Math.min(row, buttons.length - 1)] ?? box.current)?.focus()
  }, [faults])

  return (
    <div ref={box} id={id} role="dialog" aria-label="Faults on the timeline" tabIndex={-1} className="fault-list__box" onKeyDown={dismiss.onKeyDown} onBlur={dismiss.onBlur}>
      {faults.length === 0 ? (
        <p className="muted fault-list__empty">No faults yet. Select a service or a link and use its Faults buttons, or right-click it.</p>
      ) : (
        <ol className="fault-list__rows">
          {faults.map((f, i) => {
            const time = formatSimTime(f.at)
            const what = describeFault(f, diagram)
            return (
              <li key={i} className="fault-list__row">
                <span className="fault-list__time">{time}</span>
                <span className="fault-list__what">{what}</span>
                <button type="button" aria-label={`Go to ${time}`} onClick={() => onGoTo(f.at)}>
                  Go to
                </button>
                {onRemove && (
                  <button
                    type="button"
                    className="danger fault-list__remove"
                    aria-label={`Remove the fault at ${time}: ${what}`}
                    onClick={() => {
                      onRemove([f])
                      focusRow.current = i
                    }}
                  >
                    Remove
                  </button>
                )}
              </li>
            )
          })}
        </ol>
      )}
      {onRemove && faults.length > 1 && (
        <button
          type="button"
          className="danger fault-list__all"
          onClick={() => {
            onRemove(faults)
            focusRow.current = 0
          }}
        >
          Remove all
        </button>
      )}
    </div>
  )
}
