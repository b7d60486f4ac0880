import { useCallback, useEffect, useRef, useState } from 'react'
import { describeFault, type Fault } from '../../model/faults'
import { useDiagramStructure, useEditorStore } from '../../store/react/editorContext'
import { useRun } from '../../store/react/runContext'
import { FaultList } from './FaultList'
import { FaultPopover } from './FaultPopover'
import { formatSimTime, formatSpan } from './formatTime'
import { timelineEnd } from './timelineEnd'
import './faultTimeline.css'

/**
 * The run's timeline: a slider from 0 to the furthest instant reached, or a little past the
 * last fault on the timeline (so its effects can be scrubbed to). Dragging previews
 * the instant; letting go (or an arrow key) seeks there — back by deterministic replay.
 * Faults are diamonds on it: pressing one says what it is, with Go to and Remove; the
 * Faults list beside it holds them all. `editFaults` is false where the diagram is
 * read-only (an embed): faults can be looked at and gone to, not removed.
 */
export function Timeline({ editFaults = false }: { editFaults?: boolean }) {
  const time = useRun((s) => s.time)
  const horizon = useRun((s) => s.horizon)
  const faults = useRun((s) => s.faults)
  const seek = useRun((s) => s.seek)
  const diagram = useDiagramStructure()
  const editor = useEditorStore()
  const input = useRef<HTMLInputElement>(null)
  const [preview, setPreview] = useState<number | null>(null)
  const [shown, setShown] = useState<Fault | null>(null)
  // the diamond whose popover is open: focus goes back to it
  const diamond = useRef<HTMLElement | null>(null)
  const end = timelineEnd(horizon, time, faults)
  const closePopover = useCallback(() => setShown(null), [])
  const remove = useCallback((gone: readonly Fault[]) => editor.getState().removeFaults(gone), [editor])

  // React's onChange fires on every move of a range input; the native change event fires
  // when the pointer lets go (and on each arrow key), which is when a seek is worth doing
  useEffect(() => {
    const el = input.current
    if (!el) return
    const onChange = () => {
      setPreview(null)
      seek(Number(el.value))
    }
    el.addEventListener('change', onChange)
    return () => el.removeEventListener('change', onChange)
  }, [seek])

  const value = preview ?? time
  const open = shown && faults.includes(shown) ? shown : null
  return (
    <div className="timeline">
      <span className="timeline__end">0 s</span>
      <div className="timeline__track">
        <input
          ref={input}
          type="range"
          aria-label="Timeline"
          aria-valuetext={formatSimTime(value)}
          min={0}
          max={end}
          step={100}
          value={value}
          onChange={(e) => setPreview(Number(e.target.value))}
        />
        <div className="timeline__reached" style={{ width: `${(100 * horizon) / end}%` }} aria-hidden="true" />
        {faults.map((f, i) => (
          <button
            key={i}
            type="button"
            className="timeline__fault"
            style={{ left: `${(100 * f.at) / end}%` }}
            aria-label={`Fault at ${formatSimTime(f.at)}: ${describeFault(f, diagram)}`}
            title={`${formatSimTime(f.at)}: ${describeFault(f, diagram)}`}
            aria-haspopup="dialog"
            aria-expanded={open === f}
            onClick={(e) => {
              diamond.current = e.currentTarget
              setShown((s) => (s === f ? null : f))
            }}
          />
        ))}
        {open && (
          <FaultPopover
            key={faults.indexOf(open)}
            fault={open}
            diagram={diagram}
            percent={(100 * open.at) / end}
            opener={diamond}
            onGoTo={() => {
              seek(open.at)
              setShown(null)
              diamond.current?.focus()
            }}
            onRemove={
              editFaults
                ? () => {
                    remove([open])
                    setShown(null)
                    input.current?.focus()
                  }
                : undefined
            }
            onClose={closePopover}
          />
        )}
      </div>
      <span className="timeline__end">{formatSpan(end)}</span>
      <FaultList faults={diagram.faults ?? []} diagram={diagram} onGoTo={seek} onRemove={editFaults ? remove : undefined} />
    </div>
  )
}
