import dagre from '@dagrejs/dagre'
import type { MachineData } from '../../store/run/machines'

/**
 * A state machine laid out left to right by dagre: states as boxes, transitions as
 * polylines with their label placed by dagre (several transitions between the same two
 * states each get their own line). Pure (dagre has no DOM); loaded lazily with dagre.
 */
export interface StateBox {
  name: string
  final: boolean
  initial: boolean
  /** centre */
  x: number
  y: number
  width: number
  height: number
}

export interface TransitionLine {
  from: string
  to: string
  label: string
  points: { x: number; y: number }[]
  labelX: number
  labelY: number
  delayed: boolean
}

export interface MachineLayout {
  width: number
  height: number
  states: StateBox[]
  transitions: TransitionLine[]
}

/** px per character at the diagram's font size (approximate; boxes leave slack) */
const CHAR = 6.6
const STATE_HEIGHT = 30
const LABEL_HEIGHT = 14

/** The text on a transition: event, then its guard in brackets ("REPLY_ERROR [canRetry]"). */
export function transitionLabel(t: { event: string; guard: string | null }): string {
  return t.guard ? `${t.event} [${t.guard}]` : t.event
}

export function layoutMachine(m: MachineData): MachineLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true })
  g.setGraph({ rankdir: 'LR', nodesep: 10, ranksep: 56, edgesep: 6, marginx: 8, marginy: 8 })
  for (const s of m.states) g.setNode(s.name, { width: s.name.length * CHAR + 26, height: STATE_HEIGHT })
  m.transitions.forEach((t, i) => {
    const label = transitionLabel(t)
    g.setEdge(t.from, t.to, { label, width: label.length * (CHAR - 0.6), height: LABEL_HEIGHT, labelpos: 'c' }, `t${i}`)
  })
  dagre.layout(g)
  const graph = g.graph()
  const states = m.states.map((s): StateBox => {
    const n = g.node(s.name)
    return { name: s.name, final: s.final, initial: s.name === m.initial, x: n.x, y: n.y, width: n.width, height: n.height }
  })
  const transitions = m.transitions.map((t, i): TransitionLine => {
    const e = g.edge({ v: t.from, w: t.to, name: `t${i}` })
    return { from: t.from, to: t.to, label: transitionLabel(t), points: e.points ?? [], labelX: e.x ?? 0, labelY: e.y ?? 0, delayed: t.delayed }
  })
  return { width: graph.width ?? 0, height: graph.height ?? 0, states, transitions }
}
