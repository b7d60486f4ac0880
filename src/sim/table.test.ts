import { describe, expect, it } from 'vitest'
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate'
import { getSimplePaths } from 'xstate/graph'
import { asyncCallMachine, eventDeliveryMachine, messageDeliveryMachine, nodeLifecycleMachine, syncCallMachine } from './machines'
import { compileMachine, pick, type CompiledMachine } from './table'

const MACHINES: AnyStateMachine[] = [syncCallMachine, asyncCallMachine, messageDeliveryMachine, eventDeliveryMachine, nodeLifecycleMachine]

/** What xstate did, in the table's vocabulary: named actions in order, delays started. */
function described(actions: readonly { type: string; params?: unknown }[]) {
  const named: string[] = []
  const delays: string[] = []
  for (const a of actions) {
    if (a.type === 'xstate.cancel') continue
    if (a.type === 'xstate.raise') {
      const id = (a.params as { id: string }).id // xstate.after.<delay>.<machine>.<state>
      delays.push(id.slice('xstate.after.'.length).split('.')[0] as string)
    } else named.push(a.type)
  }
  return { named, delays }
}

/** Every event the machine could receive in this snapshot: all external ones, and the delays its state started. */
function eventsFor(machine: AnyStateMachine, compiled: CompiledMachine) {
  const external = compiled.events.filter((e) => !e.startsWith('after.')).map((type) => ({ type }))
  return (snapshot: AnyMachineSnapshot): EventObject[] => {
    const node = machine.root.states[snapshot.value as string]
    const after = (node?.after ?? []).map((d) => ({ type: d.eventType }))
    return [...external, ...after.filter((e, i) => after.findIndex((f) => f.type === e.type) === i)]
  }
}

function tableEvent(compiled: CompiledMachine, machine: AnyStateMachine, state: string, type: string): number {
  if (!type.startsWith('xstate.after.')) return compiled.events.indexOf(type)
  const delay = machine.root.states[state]?.after.find((d) => d.eventType === type)?.delay
  return compiled.events.indexOf(`after.${String(delay)}`)
}

describe.each(MACHINES.map((m) => [m.id, m] as const))('the %s table', (_id, machine) => {
  const compiled = compileMachine(machine)

  it('has the machine’s states, finals and initial entry', () => {
    expect(compiled.states).toEqual(Object.keys(machine.root.states))
    const [first, actions] = initialTransition(machine)
    expect(compiled.states[compiled.initial]).toBe(first.value)
    const { named, delays } = described(actions)
    expect(compiled.initialActions.map((a) => compiled.actions[a])).toEqual(named)
    expect(compiled.initialDelays.map((d) => compiled.delays[d])).toEqual(delays)
    compiled.states.forEach((s, i) => expect(compiled.final[i]).toBe(machine.root.states[s]?.type === 'final'))
  })

  const assignments = Array.from({ length: 2 ** compiled.guards.length }, (_, bits) => bits)
  it.each(assignments)('takes the same step as xstate on every path (guard bits %i)', (bits) => {
    const guards = Object.fromEntries(compiled.guards.map((g, i) => [g, () => ((bits >> i) & 1) === 1]))
    const provided = machine.provide({ guards })
    const events = eventsFor(provided, compiled)
    const paths = getSimplePaths(provided, { events })
    expect(paths.length).toBeGreaterThan(0)
    const seen = new Map<string, AnyMachineSnapshot>()
    let steps = 0
    for (const path of paths) {
      let snapshot = initialTransition(provided)[0]
      for (const step of path.steps) {
        if (step.event.type === 'xstate.init') continue
        const from = snapshot.value as string
        const [next, actions] = transition(provided, snapshot, step.event)
        const c = pick(compiled, compiled.states.indexOf(from), tableEvent(compiled, provided, from, step.event.type), bits)
        expect(c, `${from} --${step.event.type}-->`).not.toBeNull()
        expect(compiled.states[c!.target]).toBe(next.value)
        const { named, delays } = described(actions)
        expect(c!.actions.map((a) => compiled.actions[a]), `${from} --${step.event.type}--> actions`).toEqual(named)
        expect(c!.delays.map((d) => compiled.delays[d])).toEqual(delays)
        snapshot = next
        seen.set(next.value as string, next)
        steps++
      }
    }
    expect(steps).toBeGreaterThan(0)
    // and where xstate ignores an event, so does the table
    seen.set(compiled.states[compiled.initial] as string, initialTransition(provided)[0])
    for (const [state, snapshot] of seen) {
      for (const event of events(snapshot)) {
        const [next, actions] = transition(provided, snapshot, event)
        const c = pick(compiled, compiled.states.indexOf(state), tableEvent(compiled, provided, state, event.type), bits)
        const moved = next.value !== snapshot.value || actions.length > 0
        expect(c !== null, `${state} on ${event.type}`).toBe(moved)
      }
    }
  })

  it('reaches every state of the machine', () => {
    const reached = new Set<string>()
    for (let bits = 0; bits < 2 ** compiled.guards.length; bits++) {
      const provided = machine.provide({ guards: Object.fromEntries(compiled.guards.map((g, i) => [g, () => ((bits >> i) & 1) === 1])) })
      for (const p of getSimplePaths(provided, { events: eventsFor(provided, compiled) })) reached.add(p.state.value as string)
    }
    expect([...reached].sort()).toEqual([...compiled.states].sort())
  })
})

describe('compileMachine', () => {
  it('refuses what it cannot represent', async () => {
    const { setup } = await import('xstate')
    const nested = setup({}).createMachine({ id: 'n', initial: 'a', states: { a: { initial: 'b', states: { b: {} } } } })
    expect(() => compileMachine(nested)).toThrow(/flat/)
  })
})
