import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { describeFault, type Fault } from '../../model/faults'
import type { Diagram } from '../../model/types'
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
  const remove = useCallback((gone: readonly Fault[]) => editor.getState().removeFaults(gone), [editor])
  const marks = useMemo(() => faults.map((fault) => ({ fault, diagram })), [faults, diagram])
  return (
    <TimelineTrack time={time} horizon={horizon} marks={marks} seek={seek} onRemove={editFaults ? (f) => remove([f]) : undefined}>
      <FaultList faults={diagram.faults ?? []} diagram={diagram} onGoTo={seek} onRemove={editFaults ? remove : undefined} />
    </TimelineTrack>
  )
}

/** A fault drawn on the track: described in its own diagram's names. */
export interface FaultMark {
  fault: Fault
  diagram: Diagram
  /** said after the fault in the diamond's name, such as which designs have it */
  where?: string
}

/**
 * The slider with the fault diamonds and their popovers, for any run or set of runs: the
 * editor's and the embed's one run (Timeline above), or the compare view's runs on one
 * clock, whose `seek` moves them all. `children` go after the end label.
 */
export function TimelineTrack(props: {
  time: number
  horizon: number
  marks: readonly FaultMark[]
  seek(at: number): void
  /** absent where the faults cannot be removed */
  onRemove?(fault: Fault): void
  children?: React.ReactNode
}) {
  const { time, horizon, marks, onRemove, children } = props
  const input = useRef<HTMLInputElement>(null)
  const [preview, setPreview] = useState<number | null>(null)
  const [shown, setShown] = useState<Fault | null>(null)
  // the diamond whose popover is open: focus goes back to it
  const diamond = useRef<HTMLElement | null>(null)
  const faults = useMemo(() => marks.map((m) => m.fault), [marks])
  const end = timelineEnd(horizon, time, faults)
  const closePopover = useCallback(() => setShown(null), [])
  // the latest seek, read when the slider is let go: a caller's seek need not keep its identity
  const seekRef = useRef(props.seek)
  useEffect(() => {
    seekRef.current = props.seek
  })
  const seek = useCallback((at: number) => seekRef.current(at), [])

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
  const open = shown ? (marks.find((m) => m.fault === shown) ?? null) : null
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
        {marks.map(({ fault: f, diagram, where }, i) => {
          const what = `${describeFault(f, diagram)}${where ? `, ${where}` : ''}`
          return (
            <button
              key={i}
              type="button"
              className="timeline__fault"
              style={{ left: `${(100 * f.at) / end}%` }}
              aria-label={`Fault at ${formatSimTime(f.at)}: ${what}`}
              title={`${formatSimTime(f.at)}: ${what}`}
              aria-haspopup="dialog"
              aria-expanded={open?.fault === f}
              onClick={(e) => {
                diamond.current = e.currentTarget
                setShown((s) => (s === f ? null : f))
              }}
            />
          )
        })}
        {open && (
          <FaultPopover
            key={faults.indexOf(open.fault)}
            fault={open.fault}
            diagram={open.diagram}
            percent={(100 * open.fault.at) / end}
            opener={diamond}
            onGoTo={() => {
              seek(open.fault.at)
              setShown(null)
              diamond.current?.focus()
            }}
            onRemove={
              onRemove
                ? () => {
                    onRemove(open.fault)
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
      {children}
    </div>
  )
}
