import type { AnyStateMachine, AnyStateNode } from 'xstate'
import { asyncCallMachine, eventDeliveryMachine, messageDeliveryMachine, nodeLifecycleMachine, syncCallMachine } from '../../sim/index'

/**
 * The engine's lifecycle machines as plain data, for drawing them beside a run: states,
 * the initial one, and every transition with its event, guard and target. Pure and
 * serialisable (no xstate objects leak out), so the ui layer can hold it without
 * importing the engine. Loaded lazily by the ui (this module pulls in sim/index).
 */
export type MachineName = 'syncCall' | 'asyncCall' | 'messageDelivery' | 'eventDelivery' | 'nodeLifecycle'

export interface MachineState {
  name: string
  final: boolean
}

export interface MachineTransition {
  from: string
  to: string
  /** the event's name (REPLY_OK), or `after <delay>` for a delayed transition (after timeout) */
  event: string
  /** the guard's name when the transition is taken only if it holds, else null */
  guard: string | null
  /** a delayed (`after`) transition: taken when the named time has passed in the state */
  delayed: boolean
}

export interface MachineData {
  id: string
  initial: string
  states: MachineState[]
  transitions: MachineTransition[]
}

const AFTER_PREFIX = 'xstate.after.'

function nameOf(ref: unknown): string | null {
  if (ref === undefined || ref === null) return null
  if (typeof ref === 'string') return ref
  if (typeof ref === 'object' && typeof (ref as { type?: unknown }).type === 'string') return (ref as { type: string }).type
  return 'guard'
}

/** One machine as data. Flat machines only (the engine's are: atomic and final states). */
export function machineToData(machine: AnyStateMachine): MachineData {
  const nodes = Object.values(machine.root.states) as AnyStateNode[]
  const transitions: MachineTransition[] = []
  for (const n of nodes) {
    const delays = new Map<string, string>()
    for (const d of n.after) delays.set(d.eventType, typeof d.delay === 'string' ? d.delay : String(d.delay))
    for (const [eventType, list] of n.transitions) {
      const delay = delays.get(eventType)
      const delayed = delay !== undefined || eventType.startsWith(AFTER_PREFIX)
      const event = delay !== undefined ? `after ${delay}` : eventType
      for (const t of list) {
        const target = t.target?.[0] as AnyStateNode | undefined
        transitions.push({ from: n.key, to: target ? target.key : n.key, event, guard: nameOf(t.guard), delayed })
      }
    }
  }
  const initial = (machine.root.initial.target[0] as AnyStateNode).key
  return { id: machine.id, initial, states: nodes.map((n) => ({ name: n.key, final: n.type === 'final' })), transitions }
}

let cache: Record<MachineName, MachineData> | null = null

/** Every lifecycle machine of the engine, as data (computed once). */
export function machineCatalog(): Record<MachineName, MachineData> {
  cache ??= {
    syncCall: machineToData(syncCallMachine),
    asyncCall: machineToData(asyncCallMachine),
    messageDelivery: machineToData(messageDeliveryMachine),
    eventDelivery: machineToData(eventDeliveryMachine),
    nodeLifecycle: machineToData(nodeLifecycleMachine),
  }
  return cache
}
