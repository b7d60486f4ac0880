import type { AnyStateMachine, AnyStateNode } from 'xstate'

/**
 * A machine definition compiled into a flat transition table that the engine executes on
 * its own scheduler: state × event → candidates in document order, each with its guard,
 * target, the named actions to run (source exit, transition, target entry, in xstate's
 * order) and the named delays the target starts on entry. A delayed transition
 * (`after: { timeout: … }`) becomes the event `after.timeout`. Looking up a transition is
 * an array read, against about 30 µs for xstate's own `transition()`; table.test.ts proves
 * the table takes the same steps as xstate on every path.
 *
 * Supported: flat machines (atomic and final states), named actions, guards and delays.
 * Anything else is refused at compile time, so a machine cannot silently diverge.
 */
export interface Candidate {
  /** guard index, or -1 when unguarded */
  guard: number
  target: number
  actions: readonly number[]
  delays: readonly number[]
}

export interface CompiledMachine {
  id: string
  states: readonly string[]
  final: readonly boolean[]
  events: readonly string[]
  actions: readonly string[]
  guards: readonly string[]
  delays: readonly string[]
  initial: number
  initialActions: readonly number[]
  initialDelays: readonly number[]
  /** index state * events.length + event */
  table: readonly (readonly Candidate[] | undefined)[]
}

const AFTER_PREFIX = 'xstate.after.'

function nameOf(ref: unknown, what: string, machine: string): string {
  if (typeof ref === 'string') return ref
  if (ref && typeof ref === 'object' && typeof (ref as { type?: unknown }).type === 'string') return (ref as { type: string }).type
  throw new Error(`${machine}: only named ${what} can be compiled`)
}

/** Named actions of an entry or exit list, and the delays its `after` raises start. */
function split(list: readonly unknown[], machine: string): { actions: string[]; delays: string[] } {
  const actions: string[] = []
  const delays: string[] = []
  for (const a of list) {
    const fn = a as { type?: string; delay?: unknown }
    if (typeof a === 'function' && fn.type === 'xstate.raise') {
      if (typeof fn.delay !== 'string') throw new Error(`${machine}: delays must be named`)
      delays.push(fn.delay)
    } else if (typeof a === 'function' && fn.type === 'xstate.cancel') {
      // cancelling the state's own delays on exit: the engine drops them by generation
    } else actions.push(nameOf(a, 'actions', machine))
  }
  return { actions, delays }
}

export function compileMachine(machine: AnyStateMachine): CompiledMachine {
  const id = machine.id
  const nodes = Object.values(machine.root.states) as AnyStateNode[]
  for (const n of nodes) {
    if (n.type !== 'atomic' && n.type !== 'final') throw new Error(`${id}: state ${n.key} is ${n.type}; only flat machines compile`)
    if (n.always?.length || n.invoke.length) throw new Error(`${id}: state ${n.key} uses always/invoke, which the table does not support`)
  }
  const states = nodes.map((n) => n.key)
  const index = (n: AnyStateNode) => states.indexOf(n.key)
  const actions: string[] = []
  const guards: string[] = []
  const delays: string[] = []
  const events: string[] = []
  const intern = (list: string[], name: string) => {
    const i = list.indexOf(name)
    if (i >= 0) return i
    list.push(name)
    return list.length - 1
  }
  const entries = nodes.map((n) => split(n.entry, id))
  const exits = nodes.map((n) => split(n.exit, id))
  const rows: { state: number; event: number; candidates: Candidate[] }[] = []
  nodes.forEach((n, s) => {
    const afterNames = new Map<string, string>()
    for (const d of n.after) {
      if (typeof d.delay !== 'string') throw new Error(`${id}: delays must be named`)
      afterNames.set(d.eventType, d.delay)
    }
    for (const [eventType, transitions] of n.transitions) {
      const after = afterNames.get(eventType)
      if (after === undefined && eventType.startsWith(AFTER_PREFIX)) throw new Error(`${id}: unexpected ${eventType}`)
      if (eventType === '*' || eventType.endsWith('.*')) throw new Error(`${id}: wildcard events are not supported`)
      const event = intern(events, after === undefined ? eventType : `after.${after}`)
      const candidates = transitions.map((t): Candidate => {
        if (!t.target || t.target.length !== 1) throw new Error(`${id}: every transition needs exactly one target`)
        const target = index(t.target[0] as AnyStateNode)
        if (target === s) throw new Error(`${id}: self-transitions are not supported`)
        const named = [...(exits[s]?.actions ?? []), ...t.actions.map((a) => nameOf(a, 'actions', id)), ...(entries[target]?.actions ?? [])]
        return {
          guard: t.guard === undefined ? -1 : intern(guards, nameOf(t.guard, 'guards', id)),
          target,
          actions: named.map((a) => intern(actions, a)),
          delays: (entries[target]?.delays ?? []).map((d) => intern(delays, d)),
        }
      })
      rows.push({ state: s, event, candidates })
    }
  })
  const table: (Candidate[] | undefined)[] = new Array(states.length * events.length).fill(undefined)
  for (const r of rows) table[r.state * events.length + r.event] = r.candidates
  const initialNode = machine.root.initial.target[0] as AnyStateNode
  const initial = index(initialNode)
  return {
    id,
    states,
    final: nodes.map((n) => n.type === 'final'),
    events,
    actions,
    guards,
    delays,
    initial,
    initialActions: (entries[initial]?.actions ?? []).map((a) => intern(actions, a)),
    initialDelays: (entries[initial]?.delays ?? []).map((d) => intern(delays, d)),
    table,
  }
}

/** The transition taken from `state` on `event`, given each guard's value as a bit of `guardBits`; null if none. */
export function pick(m: CompiledMachine, state: number, event: number, guardBits: number): Candidate | null {
  const candidates = m.table[state * m.events.length + event]
  if (candidates === undefined) return null
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate
    if (c.guard < 0 || ((guardBits >> c.guard) & 1) === 1) return c
  }
  return null
}

/** Look a name up at start-up; a typo in the engine fails loudly, not as a silent -1. */
export function indexOf(list: readonly string[], name: string, what: string): number {
  const i = list.indexOf(name)
  if (i < 0) throw new Error(`unknown ${what} “${name}”`)
  return i
}
