import { useEffect, useMemo, useRef, useState } from 'react'
import { nodeLabel } from '../../model/rules'
import type { Diagram } from '../../model/types'
import { useDiagramStructure, useEditor } from '../../store/react/editorContext'
import { useRun, useRunner } from '../../store/react/runContext'
import type { MachineData, MachineName } from '../../store/run/machines'
import { lifecycleView, MACHINE_OF_KIND, MACHINE_TITLES, machineForTrace, type MachineView } from './currentState'
import { formatSimTime } from './formatTime'
import type { MachineLayout } from './machineLayout'
import { type Arrow, layoutSequence, SEQUENCE, type SequenceLayout } from './sequence'
import { scrollToShow } from './scrollToShow'
import { singleSelected, useRunTick } from './useRunTick'

const TRACE_REFRESH_MS = 250
const NAMES: MachineName[] = ['syncCall', 'asyncCall', 'messageDelivery', 'eventDelivery', 'nodeLifecycle']

interface Machines {
  data: Record<MachineName, MachineData>
  layouts: Record<MachineName, MachineLayout>
}
let loading: Promise<Machines> | null = null
/** The machine definitions (they come with the engine) and dagre, loaded when first drawn. */
function loadMachines(): Promise<Machines> {
  loading ??= Promise.all([import('../../store/run/machines'), import('./machineLayout')]).then(([m, l]) => {
    const data = m.machineCatalog()
    const layouts = Object.fromEntries(NAMES.map((n) => [n, l.layoutMachine(data[n])])) as Record<MachineName, MachineLayout>
    return { data, layouts }
  })
  return loading
}

/**
 * The traced request's journey as a sequence diagram, and the state machine of its
 * pattern (or of the selected link or service) with the current state highlighted.
 */
export function TraceTab() {
  const runner = useRunner()
  const tick = useRunTick(TRACE_REFRESH_MS)
  const traced = useRun((s) => s.traced)
  const diagram = useDiagramStructure()
  const selected = singleSelected(useEditor((s) => s.selection))
  const snapshot = useRun((s) => s.snapshot)

  const view = useMemo(() => {
    void tick
    const now = runner.store.getState().time
    if (!traced) return { now, journey: null, sequence: null, machine: null }
    const journey = runner.journey(traced.correlationId, traced.requestId)
    return { now, journey, sequence: layoutSequence(journey, diagram, now), machine: machineForTrace(traced, journey, diagram, now) }
  }, [runner, tick, traced, diagram])

  // nothing traced: the selected link's pattern, or the selected service's replicas
  let machine: (MachineView & { states?: string[] }) | null = view.machine
  if (!traced && selected !== null) {
    const link = diagram.links.find((l) => l.id === selected)
    const node = diagram.nodes.find((n) => n.id === selected)
    if (link) machine = { machine: MACHINE_OF_KIND[link.kind], state: null, why: 'Trace a request on this link to see its current state.', link: link.id }
    else if (node && (node.kind === 'service' || node.kind === 'database')) {
      const lv = lifecycleView(snapshot.nodes.find((n) => n.id === node.id)?.replicas ?? [])
      machine = { machine: 'nodeLifecycle', state: lv.states[0] ?? null, states: lv.states, why: `${node.label}: ${lv.why}.`, link: null }
    }
  }
  const [choice, setChoice] = useState<MachineName | 'auto'>('auto')
  const shownName = choice === 'auto' ? (machine?.machine ?? null) : choice
  const highlight = choice === 'auto' || choice === machine?.machine ? (machine?.states ?? (machine?.state ? [machine.state] : [])) : []

  return (
    <div className="run-trace">
      <section className="run-trace__sequence" aria-labelledby="run-trace-seq-title">
        <div className="run-trace__head">
          <h3 id="run-trace-seq-title">{traced ? traceTitle(traced) : 'Trace a request'}</h3>
          {traced && (
            <button type="button" onClick={() => runner.store.getState().traceRequest(null)}>
              Stop tracing
            </button>
          )}
        </div>
        {!traced ? (
          <p className="muted">Click a moving packet or a log line to trace its request: its journey is drawn here, hop by hop, and the state machine of its pattern beside it.</p>
        ) : view.sequence && view.sequence.arrows.length > 0 ? (
          <SequenceDiagram layout={view.sequence} diagram={diagram} />
        ) : (
          <p className="muted">This request’s hops are no longer in the engine’s trace (it keeps the most recent 20,000).</p>
        )}
      </section>
      <section className="run-trace__machine" aria-labelledby="run-trace-machine-title">
        <div className="run-trace__head">
          <h3 id="run-trace-machine-title">{shownName ? MACHINE_TITLES[shownName] : 'State machine'}</h3>
          <label className="run-trace__choice">
            <span className="visually-hidden">State machine to show</span>
            <select value={choice} onChange={(e) => setChoice(e.target.value as MachineName | 'auto')}>
              <option value="auto">Follow the trace or selection</option>
              {NAMES.map((n) => (
                <option key={n} value={n}>
                  {MACHINE_TITLES[n]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {shownName ? (
          <>
            <p className="run-trace__why">
              {highlight.length > 0 ? (
                <>
                  Now: <strong>{highlight.join(', ')}</strong>. {machine?.why}
                </>
              ) : choice === 'auto' || choice === machine?.machine ? (
                machine?.why
              ) : (
                'Showing the definition; no traced request is in this machine.'
              )}
            </p>
            <MachineDiagram name={shownName} current={highlight} />
          </>
        ) : (
          <p className="muted">Trace a request, or select a link or a service, to see the state machine behind it; or pick one above.</p>
        )}
      </section>
    </div>
  )
}

function traceTitle(t: { correlationId: number; requestId: number }): string {
  return t.correlationId !== 0 ? `Operation ${t.correlationId}` : `Request ${t.requestId}`
}

const ARROW_HEAD = 7

/** A drawing `width` wide fits its box, shrinking down to `minScale` of its size (then the
 * box scrolls), so no label is cut off. Both drawings are read on projectors: their 10 to
 * 12 px text stays over 8.5 px rather than shrinking to 6 px to keep a wide machine whole. */
const SEQUENCE_MIN_SCALE = 0.85
const MACHINE_MIN_SCALE = 0.85
const fitWidth = (width: number, minScale: number) => `clamp(${Math.round(minScale * width)}px, 100%, ${width}px)`

function SequenceDiagram({ layout, diagram }: { layout: SequenceLayout; diagram: Diagram }) {
  const label = (id: string) => nodeLabel(diagram, id)
  const bottom = layout.height - SEQUENCE.bottom / 2
  const title = (a: Arrow) => {
    if (a.mark === 'timeout') {
      return a.hop.carries === 'delivery'
        ? `${label(a.from)} stopped waiting for ${label(a.to)}'s ack at ${formatSimTime(a.at)}: no ack for its delivery of ${formatSimTime(a.hop.depart)} within ${a.timeoutMs ?? '?'} ms`
        : `${label(a.from)} gave up waiting for ${label(a.to)} at ${formatSimTime(a.at)}: no answer to its request of ${formatSimTime(a.hop.depart)} within ${a.timeoutMs ?? '?'} ms`
    }
    if (a.mark === 'wait' && a.wait) return `${waitSentence(a, label)}, from ${formatSimTime(a.wait.since)}${a.wait.open ? '' : ` to ${formatSimTime(a.wait.until)}`}`
    return `${label(a.from)} → ${label(a.to)}: ${a.label}, departs ${formatSimTime(a.hop.depart)}, arrives ${formatSimTime(a.hop.arrive)}${a.ignored ? `, after ${a.ignoredWhy ?? 'the caller gave up'}: ignored` : ''}`
  }
  const spoken = (a: Arrow) => {
    if (a.mark === 'timeout') return `${formatSimTime(a.at)}: ${label(a.from)} ${a.hop.carries === 'delivery' ? 'stops waiting for the ack of' : 'gives up waiting for'} ${label(a.to)}, ${a.label}`
    if (a.mark === 'wait' && a.wait) return `${formatSimTime(a.at)}: ${waitSentence(a, label)}, since ${formatSimTime(a.wait.since)}`
    return `${formatSimTime(a.at)}: ${label(a.from)} → ${label(a.to)}, ${a.label}${a.inFlight ? ', on its way' : `, arrived at ${formatSimTime(a.hop.arrive)}`}${a.ignored ? `, after ${a.ignoredWhy ?? 'the caller gave up'}: ignored` : ''}`
  }
  return (
    <div className="run-seq">
      <svg
        className="run-seq__svg"
        width={layout.width}
        height={layout.height}
        style={{ width: fitWidth(layout.width, SEQUENCE_MIN_SCALE), height: 'auto' }}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        aria-hidden="true">
        {layout.lifelines.map((l) => (
          <g key={l.id} className="run-seq__lifeline">
            <text x={l.x} y={14} textAnchor="middle" className="run-seq__name">
              {l.label.length > 16 ? `${l.label.slice(0, 15)}…` : l.label}
            </text>
            <line x1={l.x} y1={layout.headY - 12} x2={l.x} y2={bottom} />
          </g>
        ))}
        {layout.arrows.map((a, i) => {
          if (a.mark === 'wait' && a.wait) {
            const top = a.wait.fromY
            return (
              <g key={i} className={`run-seq__wait${a.wait.open ? ' is-in-flight' : ''}`}>
                <title>{title(a)}</title>
                <text x={4} y={a.y + 4} className="run-seq__time">
                  {formatSimTime(a.at)}
                </text>
                {/* a band along the lifeline, from the row where the wait began to this one */}
                <rect x={a.x1 - 4} y={top} width={8} height={Math.max(4, a.y - top)} rx={3} fill="currentColor" opacity={0.18} strokeDasharray={a.wait.open ? '3 2' : undefined} />
                <text x={a.x1 + SEQUENCE.waitLabelGap} y={a.y + 4} className="run-seq__label" fontStyle="italic">
                  {a.label}
                </text>
              </g>
            )
          }
          if (a.mark === 'timeout') {
            const dir = a.x2 > a.x1 ? 1 : -1
            return (
              <g key={i} className="run-seq__timeout">
                <title>{title(a)}</title>
                <text x={4} y={a.y + 4} className="run-seq__time">
                  {formatSimTime(a.at)}
                </text>
                <line x1={a.x1} y1={a.y} x2={a.x1 + dir * 0.3 * Math.abs(a.x2 - a.x1)} y2={a.y} />
                <path d={`M${a.x1 - 4},${a.y - 4} l8,8 m0,-8 l-8,8`} />
                <text x={(a.x1 + a.x2) / 2} y={a.y - 4} textAnchor="middle" className="run-seq__label">
                  {a.label}
                </text>
              </g>
            )
          }
          const dir = a.x2 > a.x1 ? 1 : -1
          const tip = a.x2 - dir * 2
          return (
            <g
              key={i}
              className={`run-seq__arrow run-seq__arrow--${a.hop.carries}${a.hop.direction === 'back' ? ' is-back' : ''}${a.inFlight ? ' is-in-flight' : ''}${a.ignored ? ' is-ignored' : ''}`}>
              <title>{title(a)}</title>
              <text x={4} y={a.y + 4} className="run-seq__time">
                {formatSimTime(a.at)}
              </text>
              <line x1={a.x1} y1={a.y} x2={tip - dir * ARROW_HEAD} y2={a.y} />
              <polygon points={`${tip},${a.y} ${tip - dir * ARROW_HEAD},${a.y - 4} ${tip - dir * ARROW_HEAD},${a.y + 4}`} />
              <text x={(a.x1 + a.x2) / 2} y={a.y - 4} textAnchor="middle" className="run-seq__label">
                {a.inFlight ? `${a.label} …` : a.label}
              </text>
            </g>
          )
        })}
      </svg>
      <ol className="visually-hidden" aria-label="Hops of the traced request">
        {layout.arrows.map((a, i) => (
          <li key={i}>{spoken(a)}</li>
        ))}
      </ol>
      {layout.omitted > 0 && <p className="muted">…and {layout.omitted} later rows not drawn.</p>}
    </div>
  )
}

/** A wait in words: "waited 2.3 s in Shipping jobs before its delivery", "Orders: waited 80 ms for a worker". */
function waitSentence(a: Arrow, label: (id: string) => string): string {
  const w = a.wait
  if (!w) return a.label
  if (w.kind === 'worker') return `${label(w.node)}: ${a.label}`
  return w.open ? `${a.label}, not delivered yet` : `${a.label} before its delivery`
}

function MachineDiagram({ name, current }: { name: MachineName; current: readonly string[] }) {
  const [machines, setMachines] = useState<Machines | null>(null)
  const [failed, setFailed] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let live = true
    loadMachines().then(
      (m) => live && setMachines(m),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
  }, [])
  // a machine wider than its box scrolls: keep the current state in view as it changes
  const currentKey = current.join(' ')
  useEffect(() => {
    const el = box.current
    const svg = el?.querySelector('svg')
    const layout = machines?.layouts[name]
    if (!el || !svg || !layout || currentKey === '') return
    const now = layout.states.filter((s) => currentKey.split(' ').includes(s.name))
    if (now.length === 0) return
    const px = svg.clientWidth / (layout.width + 16)
    const left = (Math.min(...now.map((s) => s.x - s.width / 2)) + 12) * px
    const right = (Math.max(...now.map((s) => s.x + s.width / 2)) + 12) * px
    el.scrollLeft = scrollToShow(el.scrollLeft, el.clientWidth, left, right, 12)
  }, [machines, name, currentKey])
  if (failed) return <p className="muted">The state machine could not be loaded.</p>
  if (!machines) return <p className="muted">Loading the state machine…</p>
  const layout = machines.layouts[name]
  const data = machines.data[name]
  const description = `${MACHINE_TITLES[name]}. States: ${data.states.map((s) => s.name + (s.final ? ' (final)' : '')).join(', ')}. Starts in ${data.initial}. ${
    current.length > 0 ? `Current: ${current.join(', ')}. ` : ''
  }Transitions: ${data.transitions.map((t) => `${t.from} to ${t.to} on ${t.event}${t.guard ? ` if ${t.guard}` : ''}`).join('; ')}.`
  return (
    <div className="run-machine" ref={box}>
      <svg
        className="run-machine__svg"
        role="img"
        aria-label={description}
        data-current={current.join(' ')}
        // fits its box, but shrinks at most to MIN_SCALE (then scrolls) so the labels stay legible
        style={{ width: fitWidth(layout.width + 16, MACHINE_MIN_SCALE), height: 'auto' }}
        viewBox={`-12 0 ${layout.width + 16} ${layout.height + 4}`}>
        {layout.transitions.map((t, i) => {
          const pts = t.points
          const last = pts.at(-1)
          const prev = pts.at(-2)
          if (!last || !prev) return null
          const ang = Math.atan2(last.y - prev.y, last.x - prev.x)
          const head = `${last.x},${last.y} ${last.x - 7 * Math.cos(ang - 0.45)},${last.y - 7 * Math.sin(ang - 0.45)} ${last.x - 7 * Math.cos(ang + 0.45)},${last.y - 7 * Math.sin(ang + 0.45)}`
          const from = current.includes(t.from)
          return (
            <g key={i} className={`run-machine__edge${t.delayed ? ' is-delayed' : ''}${from ? ' is-from-current' : ''}`}>
              <polyline points={pts.map((p) => `${p.x},${p.y}`).join(' ')} />
              <polygon points={head} />
              <text x={t.labelX} y={t.labelY + 4} textAnchor="middle">
                {t.label}
              </text>
            </g>
          )
        })}
        {layout.states.map((s) => {
          const on = current.includes(s.name)
          return (
            <g key={s.name} className={`run-machine__state${s.final ? ' is-final' : ''}${on ? ' is-current' : ''}`} data-state={s.name}>
              {s.initial && <circle cx={s.x - s.width / 2 - 9} cy={s.y} r={4} className="run-machine__start" />}
              <rect x={s.x - s.width / 2} y={s.y - s.height / 2} width={s.width} height={s.height} rx={s.final ? 4 : 14} />
              {s.final && <rect x={s.x - s.width / 2 + 3} y={s.y - s.height / 2 + 3} width={s.width - 6} height={s.height - 6} rx={2} className="run-machine__inner" />}
              <text x={s.x} y={s.y + 4} textAnchor="middle">
                {s.name}
              </text>
            </g>
          )
        })}
      </svg>
    </div>
  )
}
