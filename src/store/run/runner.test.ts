import { describe, expect, it } from 'vitest'
import type { Diagram } from '../../model/types'
import { parseDocument } from '../../share/document'
import { STARTER_DOCUMENT } from '../../scenarios/starter'
import { createSimulation } from '../../sim/index'
import { createEditorStore } from '../editorStore'
import { syncCallChain } from '../../scenarios/library/syncCallChain'
import { MAX_STRETCH_MS, MIN_TRAVEL_WALL_MS, minTravelMs, shownArrive } from './packetTravel'
import { createRunner, LOG_LIMIT, SAMPLE_MS } from './runner'

function starter(): Diagram {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter does not parse')
  return r.value
}

/** A runner on the starter diagram with a wall clock the test moves by hand. */
function setup(d: Diagram = starter()) {
  const editor = createEditorStore(d)
  let wall = 0
  const runner = createRunner({ editor, clock: () => wall })
  const advanceWall = (ms: number) => {
    wall += ms
    runner.store.getState().tick(ms)
  }
  /** finish any seek spread over frames */
  const settle = () => {
    for (let i = 0; i < 10_000 && runner.store.getState().seeking; i++) advanceWall(16)
  }
  return { editor, runner, advanceWall, settle, state: () => runner.store.getState() }
}

/** What the command line would print for the same diagram, seed and instant. */
function headless(d: Diagram, t: number) {
  const sim = createSimulation({ diagram: d, seed: d.seed ?? 1, faults: d.faults ?? [] })
  sim.runUntil(t)
  return sim.metrics()
}

describe('the live run', () => {
  it('stands still until Run, then advances simulated time by wall time × speed', () => {
    const { state, advanceWall } = setup()
    advanceWall(100)
    expect(state().time).toBe(0)
    state().play()
    state().setSpeed(2)
    advanceWall(50)
    expect(state().time).toBe(100)
    state().pause()
    advanceWall(50)
    expect(state().time).toBe(100)
  })

  it('caps a long frame so a hidden tab does not jump minutes ahead', () => {
    const { state, advanceWall } = setup()
    state().play()
    advanceWall(60_000)
    expect(state().time).toBe(100)
  })

  it('clamps the speed to 0.1×–20×', () => {
    const { state } = setup()
    state().setSpeed(100)
    expect(state().speed).toBe(20)
    state().setSpeed(0)
    expect(state().speed).toBe(0.1)
  })

  it('steps one event at a time and shows packets in flight', () => {
    const { state, runner } = setup()
    state().step()
    const t1 = state().time
    expect(t1).toBeGreaterThan(0)
    state().step()
    expect(state().time).toBeGreaterThanOrEqual(t1)
    let seen = 0
    for (let i = 0; i < 100; i++) {
      state().fastForward(37)
      seen += runner.packets().length
      for (const p of runner.packets()) {
        expect(p.depart).toBeLessThanOrEqual(state().time)
        expect(shownArrive(p, minTravelMs(state().speed))).toBeGreaterThan(state().time)
      }
    }
    expect(seen).toBeGreaterThan(0)
  })

  it('keeps a hop shorter than a frame on screen for the minimum travel time, and no longer', () => {
    // the scenario's links take 2 ms: at 1× a hop would come and go within one frame
    const doc = parseDocument(syncCallChain.document)
    if (!doc.ok) throw new Error('scenario does not parse')
    for (const speed of [1, 20]) {
      const { state, runner, advanceWall } = setup(doc.value)
      state().setSpeed(speed)
      state().play()
      let delivered = 0
      for (let frame = 0; frame < 60; frame++) {
        advanceWall(16)
        const t = state().time
        for (const p of runner.packets()) {
          expect(p.arrive - p.depart).toBeCloseTo(2, 9)
          expect(p.depart).toBeLessThanOrEqual(t)
          // on screen for MIN_TRAVEL_WALL_MS of wall time at most, never past MAX_STRETCH_MS
          expect(t - p.depart).toBeLessThan(Math.min(MIN_TRAVEL_WALL_MS * speed, MAX_STRETCH_MS))
          if (p.arrive <= t) delivered++
        }
      }
      // most of what is drawn has already been delivered by the engine: drawn slowed down
      expect(delivered).toBeGreaterThan(0)
    }
  })

  it('says when the clock last moved by Step (packets are then drawn at their simulated times), until Run, a seek or Reset', () => {
    const { state, advanceWall } = setup()
    expect(state().stepped).toBe(false)
    state().step()
    expect(state().stepped).toBe(true)
    state().play()
    advanceWall(16)
    expect(state().stepped).toBe(false)
    state().pause()
    state().step()
    state().fastForward(500)
    expect(state().stepped).toBe(false)
    state().step()
    state().reset()
    expect(state().stepped).toBe(false)
  })

  it('shows the same metrics as the command line at the same instant, however it got there', () => {
    const { state, runner, advanceWall, settle } = setup()
    state().play()
    for (let i = 0; i < 40; i++) advanceWall(16)
    state().pause()
    state().fastForward(20_000)
    settle()
    const t = state().time
    expect(t).toBe(640 + 20_000)
    expect(runner.metrics()).toEqual(headless(starter(), t))
  })

  it('scrubs back by replaying: the earlier instant shows exactly what it showed before', () => {
    const { state, runner, settle } = setup()
    state().fastForward(5_000)
    settle()
    const early = { snapshot: state().snapshot, metrics: runner.metrics(), samples: runner.samples().length }
    state().fastForward(30_000)
    settle()
    expect(state().horizon).toBe(35_000)
    state().seek(5_000)
    settle()
    expect(state().time).toBe(5_000)
    expect(state().horizon).toBe(35_000)
    expect(state().snapshot).toEqual(early.snapshot)
    expect(runner.metrics()).toEqual(early.metrics)
    expect(runner.samples()).toHaveLength(early.samples)
  })

  it('samples metrics once per simulated second, the same on a replay', () => {
    const { state, runner, settle } = setup()
    state().fastForward(10_000)
    settle()
    const first = runner.samples().map((s) => s.at)
    expect(first).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * SAMPLE_MS))
    const copy = structuredClone(runner.samples())
    state().seek(0)
    state().fastForward(10_000)
    settle()
    expect(runner.samples()).toEqual(copy)
  })

  it('injects a live fault at the current instant, records it in the diagram, and replays it after a scrub', () => {
    const { state, runner, editor, settle } = setup()
    state().fastForward(3_000)
    settle()
    runner.injectFault({ action: 'crash', node: 'service-3' })
    // the next whole ms: after everything the run did at 3 s
    expect(editor.getState().history.present.faults).toEqual([{ at: 3_001, action: 'crash', node: 'service-3' }])
    const revision = state().revision
    state().fastForward(5_000)
    settle()
    expect(state().revision).toBe(revision)
    const shipping = state().snapshot.nodes.find((n) => n.id === 'service-3')
    expect(shipping?.replicas.every((r) => r.state !== 'up')).toBe(true)
    expect(runner.metrics()).toEqual(headless(editor.getState().history.present, 8_001))
    expect(runner.log().some((l) => l.pattern === 'fault' && l.text.includes('Crash Shipping'))).toBe(true)
  })

  it('undoing a fault replays the run without it, up to the same instant', () => {
    const { state, runner, editor, settle } = setup()
    state().fastForward(2_000)
    settle()
    runner.injectFault({ action: 'crash', node: 'service-1' })
    state().fastForward(2_000)
    settle()
    editor.getState().undo()
    settle()
    // paused at 2 s, the fault went on at 2.001 s and the clock with it
    expect(state().time).toBe(4_001)
    expect(runner.metrics()).toEqual(headless(starter(), 4_001))
  })

  it('a changed setting starts the run again from 0 and says so; moving a node does not', () => {
    const { state, editor, settle, runner } = setup()
    state().fastForward(3_000)
    settle()
    editor.getState().moveNodes(new Map([['service-1', { x: 400, y: 400 }]]), 'once')
    expect(state().time).toBe(3_000)
    expect(runner.log().length).toBeGreaterThan(0)
    const version = runner.logVersion()
    editor.getState().setNodeSetting('service-1', 'workers', 8)
    expect(state().time).toBe(0)
    expect(state().playing).toBe(false)
    expect(editor.getState().notice?.text).toMatch(/started again from 0/)
    // the old run's lines go with it, and a log that redraws on a new version notices
    expect(runner.log()).toEqual([])
    expect(runner.logVersion()).not.toBe(version)
  })

  it('a new seed gives another run, the same seed the same run', () => {
    const { state, runner, settle } = setup()
    state().fastForward(5_000)
    settle()
    const one = runner.metrics()
    state().setSeed(7)
    expect(state().seed).toBe(7)
    state().fastForward(5_000)
    settle()
    expect(runner.metrics()).not.toEqual(one)
    state().setSeed(1)
    state().fastForward(5_000)
    settle()
    expect(runner.metrics()).toEqual(one)
  })

  it('keeps fault and replica lines in the log after traffic has pushed the lines around them out', () => {
    const { state, runner, settle } = setup()
    state().fastForward(1_000)
    settle()
    runner.injectFault({ action: 'crash', node: 'service-3' })
    state().fastForward(60_000)
    settle()
    const log = runner.log()
    // a minute of traffic is far more than the log keeps, yet the crash is still there, first
    expect(log.length).toBeGreaterThan(LOG_LIMIT)
    expect(log.slice(0, 2).map((l) => l.text).sort()).toEqual(['Fault: Crash Shipping', 'Shipping, replica 1: crashed'])
    expect(log.slice(1).every((l, i) => l.seq > log[i]!.seq)).toBe(true)
  })

  it('writes the log in plain words and traces one operation’s journey', () => {
    const { state, runner, settle } = setup()
    state().fastForward(3_000)
    settle()
    const log = runner.log()
    expect(log.some((l) => /^Web shop → Orders: POST, waiting for the reply$/.test(l.text))).toBe(true)
    expect(log.some((l) => /Shipping jobs → Shipping: message \d+ delivered/.test(l.text))).toBe(true)
    const op = log.find((l) => l.correlationId !== 0 && l.text.startsWith('Web shop → Orders'))
    const journey = runner.journey(op!.correlationId, op!.requestId)
    expect(journey.length).toBeGreaterThan(1)
    expect(journey.every((h) => h.correlationId === op!.correlationId)).toBe(true)
  })

  it('reports dead letters and timeouts as alarms and in the log', () => {
    const doc = {
      wireplay: 1,
      nodes: [
        { id: 'c', kind: 'client', label: 'Shop', x: 0, y: 0, settings: { rate: 10 } },
        { id: 'q', kind: 'queue', label: 'Jobs', x: 300, y: 0, settings: { maxDeliveries: 2 } },
        { id: 'w', kind: 'service', label: 'Worker', x: 600, y: 0, settings: { errorRate: 100 } },
        { id: 's', kind: 'service', label: 'Slow', x: 300, y: 200, settings: { timeMs: 500, timeDist: 'constant' } },
      ],
      links: [
        { id: 'l1', source: 'c', target: 'q', kind: 'message' },
        { id: 'l2', source: 'q', target: 'w', kind: 'message' },
        { id: 'l3', source: 'c', target: 's', kind: 'sync', settings: { timeoutMs: 100, retries: 0 } },
      ],
    }
    const parsed = parseDocument(doc)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error))
    const { state, runner, settle } = setup(parsed.value)
    state().fastForward(3_000)
    settle()
    const alarms = runner.alarms()
    expect(alarms.some((a) => a.kind === 'deadLetter' && a.node === 'q' && a.link === 'l2')).toBe(true)
    expect(alarms.some((a) => a.kind === 'timeout' && a.link === 'l3')).toBe(true)
    expect(alarms.map((a) => a.seq)).toEqual([...alarms.map((a) => a.seq)].sort((a, b) => a - b))
    const log = runner.log().map((l) => l.text)
    expect(log.some((t) => /^Jobs: message \d+ dead-lettered after 2 deliveries \(for Worker\)$/.test(t))).toBe(true)
    expect(log.some((t) => t === 'Shop → Slow: timed out: no reply within 100 ms')).toBe(true)
  })

  it('marks an ack timeout on the consumer link that let it pass, as a timeout', () => {
    const parsed = parseDocument({
      wireplay: 1,
      nodes: [
        { id: 'c', kind: 'client', label: 'Shop', x: 0, y: 0, settings: { rate: 10 } },
        { id: 'q', kind: 'queue', label: 'Jobs', x: 300, y: 0, settings: { ackTimeoutMs: 100 } },
        { id: 'w', kind: 'service', label: 'Worker', x: 600, y: 0, settings: { timeMs: 500, timeDist: 'constant' } },
      ],
      links: [
        { id: 'l1', source: 'c', target: 'q', kind: 'message' },
        { id: 'l2', source: 'q', target: 'w', kind: 'message' },
      ],
    })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error))
    const { state, runner, settle } = setup(parsed.value)
    state().fastForward(2_000)
    settle()
    expect(runner.alarms().some((a) => a.kind === 'timeout' && a.link === 'l2' && a.node === null)).toBe(true)
  })

  it('logs a synchronous retry and a redelivery as retries, not errors, the same after a replay', () => {
    const parsed = parseDocument({
      wireplay: 1,
      nodes: [
        { id: 'c', kind: 'client', label: 'Shop', x: 0, y: 0, settings: { rate: 10 } },
        { id: 's', kind: 'service', label: 'Flaky', x: 300, y: 0, settings: { errorRate: 100 } },
        { id: 'p', kind: 'client', label: 'Producer', x: 0, y: 200, settings: { rate: 10 } },
        { id: 'q', kind: 'queue', label: 'Jobs', x: 300, y: 200, settings: { maxDeliveries: 3 } },
        { id: 'w', kind: 'service', label: 'Worker', x: 600, y: 200, settings: { errorRate: 100 } },
      ],
      links: [
        { id: 'call', source: 'c', target: 's', kind: 'sync', settings: { retries: 2, backoffMs: 10 } },
        { id: 'send', source: 'p', target: 'q', kind: 'message' },
        { id: 'take', source: 'q', target: 'w', kind: 'message' },
      ],
    })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error))
    const { state, runner, settle } = setup(parsed.value)
    state().fastForward(3_000)
    settle()
    const lines = () => runner.log().map((l) => `${l.outcome} ${l.text}`)
    const before = lines()
    expect(before).toContainEqual('info Shop → Flaky: POST, waiting for the reply')
    expect(before.some((t) => /^retry Shop → Flaky: POST, waiting for the reply \(retry, attempt 2\)$/.test(t))).toBe(true)
    expect(before.some((t) => /^retry Shop → Flaky: POST, waiting for the reply \(retry, attempt 3\)$/.test(t))).toBe(true)
    expect(before.some((t) => /attempt 4/.test(t))).toBe(false)
    expect(before.some((t) => /^retry Jobs → Worker: message \d+ redelivered, attempt 2$/.test(t))).toBe(true)
    expect(before.some((t) => /^error .*redelivered/.test(t))).toBe(false)
    state().seek(1_000)
    settle()
    state().seek(3_000)
    settle()
    expect(lines()).toEqual(before)
  })

  it('a fault injected while paused at a fractional instant shows at once, without replaying', () => {
    const { state, runner } = setup()
    for (let i = 0; i < 25; i++) state().step()
    expect(Number.isInteger(state().time)).toBe(false)
    const revision = state().revision
    runner.injectFault({ action: 'crash', node: 'service-1' })
    expect(state().revision).toBe(revision)
    expect(state().time).toBe(Math.ceil(state().time))
    expect(state().snapshot.nodes.find((n) => n.id === 'service-1')?.replicas.every((r) => r.state === 'crashed')).toBe(true)
  })

  it('a fault injected before the run starts shows at once on a paused run', () => {
    const { state, runner } = setup()
    runner.injectFault({ action: 'crash', node: 'service-1' })
    expect(state().time).toBe(0)
    expect(state().snapshot.nodes.find((n) => n.id === 'service-1')?.replicas.every((r) => r.state === 'crashed')).toBe(true)
  })

  it('counts a queue’s depth once: held includes the ready messages', () => {
    const { state, runner, settle } = setup()
    runner.injectFault({ action: 'crash', node: 'service-3' })
    state().fastForward(10_000)
    settle()
    const queue = state().snapshot.nodes.find((n) => n.id === 'queue-1')!.subscriptions[0]!
    const broker = runner.metrics().brokers.find((b) => b.id === 'queue-1')!.subscriptions[0]!
    expect(queue.held).toBe(broker.depth.now)
    expect(runner.samples().at(-1)!.parts['queue-1']!.depth).toBe(broker.depth.now)
  })
})
