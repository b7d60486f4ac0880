import { useEffect, useRef, useState } from 'react'
import { describeFault } from '../../model/faults'
import { useDiagramStructure } from '../../store/react/editorContext'
import { useRun } from '../../store/react/runContext'
import { formatSimTime, formatSpan } from './formatTime'
import { timelineEnd } from './timelineEnd'

/**
 * The run's timeline: a slider from 0 to the furthest instant reached, or a little past the
 * last fault on the timeline (so its effects can be scrubbed to). Dragging previews
 * the instant; letting go (or an arrow key) seeks there — back by deterministic replay.
 * Faults are marks on it; a mark seeks to its fault.
 */
export function Timeline() {
  const time = useRun((s) => s.time)
  const horizon = useRun((s) => s.horizon)
  const faults = useRun((s) => s.faults)
  const seek = useRun((s) => s.seek)
  const diagram = useDiagramStructure()
  const input = useRef<HTMLInputElement>(null)
  const [preview, setPreview] = useState<number | null>(null)
  const end = timelineEnd(horizon, time, faults)

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

  const shown = preview ?? time
  return (
    <div className="timeline">
      <span className="timeline__end">0 s</span>
      <div className="timeline__track">
        <input
          ref={input}
          type="range"
          aria-label="Timeline"
          aria-valuetext={formatSimTime(shown)}
          min={0}
          max={end}
          step={100}
          value={shown}
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
            onClick={() => seek(f.at)}
          />
        ))}
      </div>
      <span className="timeline__end">{formatSpan(end)}</span>
    </div>
  )
}
