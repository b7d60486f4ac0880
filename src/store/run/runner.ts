import { createStore } from 'zustand/vanilla'
import { sameStructure } from '../../model/structure'
import { type Fault, liveFaultTime } from '../../model/faults'
import type { Diagram } from '../../model/types'
import { createSimulation } from '../../sim/index'
import type { Hop, SimEvent, SimSnapshot, Simulation } from '../../sim/types'
import type { EditorStore } from '../editorStore'
import { describeEvent } from './logWords'
import { minTravelMs, onScreen, shownArrive } from './packetTravel'
import { takeSample } from './samples'
import type { Alarm, LogEntry, Runner, RunState, RunActions, Sample } from './types'

export interface RunnerOptions {
  editor: EditorStore
  /** wall-clock ms (performance.now in the browser); injected so tests and seeks control it */
  clock: () => number
  speed?: number
}

export const MIN_SPEED = 0.1
export const MAX_SPEED = 20
const clampSpeed = (v: number) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, v))
/** simulated ms between two chart samples */
export const SAMPLE_MS = 1000
/** log lines kept */
export const LOG_LIMIT = 400
/** Faults and replica changes kept in the log beyond LOG_LIMIT's traffic */
export const LANDMARK_LIMIT = 200
/** timeouts and dead letters kept for the canvas to mark */
export const ALARM_LIMIT = 200
/** hops the engine keeps for tracing a request */
const TRACE_CAPACITY = 20_000
/** wall ms a frame may spend on a seek before it draws */
const SEEK_BUDGET_MS = 12
/** a frame after a hidden tab or a breakpoint advances at most this much wall time */
const MAX_FRAME_MS = 100
/** a seek shorter than this simulated span is done at once, not spread over frames */
const INSTANT_SEEK_MS = 2_000

/**
 * The live run of the editor's diagram. One simulation, advanced by `tick` with the wall
 * clock while playing; seeking back replays from 0 with the same seed and faults, which
 * gives the same events (the engine is deterministic). The diagram's fault timeline is
 * the run's: a fault added now is injected at once; any other change to what runs
 * (settings, links, seed, an undone fault) starts the run again from 0, and says so.
 */
export function createRunner({ editor, clock, speed = 1 }: RunnerOptions): Runner {
  let diagram: Diagram = editor.getState().history.present
  let sim: Simulation = null as unknown as Simulation
  let unsubscribeSim = () => {}
  const inFlight: Hop[] = []
  /** raw events for the log, newest last; words are made only when the log is read */
  let rawLog: { seq: number; e: SimEvent }[] = []
  /** faults and replica changes, also kept past the traffic that pushes them out of rawLog */
  let landmarks: { seq: number; e: SimEvent }[] = []
  let alarms: Alarm[] = []
  let logSeq = 0
  let logCache: { version: number; entries: LogEntry[] } | null = null
  let samples: Sample[] = []
  let nextSample = SAMPLE_MS
  /** after a replay, boundaries up to this were sampled already (samples are a pure function of the run) */
  let sampledUpTo = 0
  let wasPlaying = false

  /** hops off screen by this instant will never be drawn: not kept (fast-forwards stay cheap) */
  let keepAfter = 0
  /** the shortest time a packet takes to cross a link on screen at the current speed (packetTravel.ts) */
  let travel = minTravelMs(clampSpeed(speed))

  const listen = (e: SimEvent) => {
    if (e.type === 'hop' && shownArrive(e.hop, travel) > keepAfter) inFlight.push(e.hop)
    // a consumer that did not acknowledge in time flashes its link as a caller's timeout does
    if (e.type === 'timeout' || e.type === 'deadLetter' || e.type === 'ackTimeout') {
      alarms.push({ seq: logSeq + 1, kind: e.type === 'deadLetter' ? 'deadLetter' : 'timeout', link: e.link, node: e.type === 'deadLetter' ? e.node : null, at: e.at })
      if (alarms.length > ALARM_LIMIT * 2) alarms = alarms.slice(-ALARM_LIMIT)
    }
    const line = { seq: ++logSeq, e }
    rawLog.push(line)
    if (rawLog.length > LOG_LIMIT * 2) rawLog = rawLog.slice(-LOG_LIMIT)
    // the few lines a reader looks for later stay when traffic pushes the rest out
    if (e.type === 'fault' || e.type === 'replica') {
      landmarks.push(line)
      if (landmarks.length > LANDMARK_LIMIT * 2) landmarks = landmarks.slice(-LANDMARK_LIMIT)
    }
  }

  const build = () => {
    unsubscribeSim()
    sim?.dispose()
    sim = createSimulation({ diagram, seed: diagram.seed ?? 1, faults: diagram.faults ?? [], traceCapacity: TRACE_CAPACITY })
    unsubscribeSim = sim.subscribe(listen)
    inFlight.length = 0
    keepAfter = 0
    rawLog = []
    landmarks = []
    alarms = []
    logCache = null
    // a new run: the log's version moves on, so a reader that redraws on it drops the old lines
    logSeq++
    nextSample = SAMPLE_MS
  }

  /** Run the simulation to `target`, taking chart samples at their boundaries on the way. */
  const runTo = (target: number) => {
    keepAfter = target
    while (sim.now < target) {
      const next = Math.min(target, nextSample)
      sim.runUntil(next)
      if (next === nextSample) {
        if (nextSample > sampledUpTo) samples.push(takeSample(sim.metrics(), sim.snapshot()))
        nextSample += SAMPLE_MS
      }
    }
  }

  /** Forget hops no longer on screen (or not yet departed, after a rebuild). */
  const prune = (t: number) => {
    let w = 0
    for (let r = 0; r < inFlight.length; r++) {
      const h = inFlight[r] as Hop
      if (onScreen(h, t, travel)) inFlight[w++] = h
    }
    inFlight.length = w
  }

  const publish = (extra: Partial<RunState> = {}) => {
    const t = sim.now
    prune(t)
    const s = store.getState()
    store.setState({ time: t, horizon: Math.max(s.horizon, t), snapshot: sim.snapshot(), seed: diagram.seed ?? 1, faults: diagram.faults ?? [], ...extra })
  }

  /** Rebuild and replay to `t` (seeking back). Samples up to `t` are kept: replay makes the same ones. */
  const replayTo = (t: number) => {
    const last = samples.findLastIndex((s) => s.at <= t)
    samples = samples.slice(0, last + 1)
    sampledUpTo = samples.at(-1)?.at ?? 0
    build()
    store.setState((s) => ({ revision: s.revision + 1 }))
    startSeek(t)
  }

  const startSeek = (target: number) => {
    if (store.getState().stepped) store.setState({ stepped: false })
    if (target - sim.now <= INSTANT_SEEK_MS) {
      runTo(target)
      publish({ seeking: null })
      return
    }
    const s = store.getState()
    if (!s.seeking) wasPlaying = s.playing
    store.setState({ seeking: { target, from: sim.now }, playing: false })
  }

  /** Spend up to the frame's budget on a seek, in growing slices of simulated time. */
  const workOnSeek = () => {
    const seeking = store.getState().seeking
    if (!seeking) return
    const start = clock()
    let slice = 100
    while (sim.now < seeking.target && clock() - start < SEEK_BUDGET_MS) {
      const before = clock()
      runTo(Math.min(seeking.target, sim.now + slice))
      if (clock() - before < SEEK_BUDGET_MS / 4) slice *= 2
      prune(sim.now)
    }
    if (sim.now >= seeking.target) publish({ seeking: null, playing: wasPlaying })
    else publish()
  }

  const resetRun = (why: string | null) => {
    samples = []
    sampledUpTo = 0
    build()
    store.setState((s) => ({ playing: false, seeking: null, finished: false, horizon: 0, revision: s.revision + 1, lastReset: why, traced: null, stepped: false }))
    publish()
  }

  const actions: RunActions = {
    play() {
      if (store.getState().seeking) wasPlaying = true
      else store.setState({ playing: true, stepped: false })
    },
    pause() {
      wasPlaying = false
      store.setState({ playing: false })
    },
    toggle() {
      if (store.getState().playing || (store.getState().seeking && wasPlaying)) actions.pause()
      else actions.play()
    },
    step() {
      if (store.getState().seeking) return
      keepAfter = sim.now
      const moved = sim.step()
      // take the samples whose boundaries the step passed (with the state after it)
      while (nextSample <= sim.now) {
        if (nextSample > sampledUpTo) samples.push({ ...takeSample(sim.metrics(), sim.snapshot()), at: nextSample })
        nextSample += SAMPLE_MS
      }
      publish({ playing: false, finished: !moved, stepped: true })
    },
    reset() {
      resetRun(null)
    },
    setSpeed(v) {
      if (!Number.isFinite(v)) return
      const next = clampSpeed(v)
      travel = minTravelMs(next)
      store.setState({ speed: next })
    },
    setSeed(seed) {
      editor.getState().setSeed(seed)
    },
    fastForward(ms) {
      if (!(ms > 0)) return
      const s = store.getState()
      startSeek((s.seeking?.target ?? sim.now) + ms)
    },
    seek(t) {
      const target = Math.max(0, t)
      if (target < sim.now) replayTo(target)
      else if (target > sim.now) startSeek(target)
    },
    traceRequest(which) {
      store.setState({ traced: which })
    },
    tick(wallMs) {
      const s = store.getState()
      if (s.seeking) return workOnSeek()
      if (!s.playing) return
      const dt = Math.min(Math.max(0, wallMs), MAX_FRAME_MS) * s.speed
      runTo(sim.now + dt)
      publish()
    },
  }

  const store = createStore<RunState & RunActions>()(() => ({
    playing: false,
    time: 0,
    horizon: 0,
    speed: clampSpeed(speed),
    seed: diagram.seed ?? 1,
    seeking: null,
    finished: false,
    snapshot: EMPTY_SNAPSHOT,
    revision: 0,
    faults: diagram.faults ?? [],
    lastReset: null,
    traced: null,
    stepped: false,
    ...actions,
  }))
  build()
  publish()

  /** Decide what a diagram change means for the run (see the comment on createRunner). */
  const unsubscribeEditor = editor.subscribe((state) => {
    const next = state.history.present
    if (next === diagram) return
    const before = diagram
    diagram = next
    if (sameRun(before, next)) return
    const added = appendedFaults(before, next)
    if (added && added.every((f) => f.at >= sim.now)) {
      for (const f of added) sim.inject(f)
      store.setState({ faults: next.faults ?? [] })
      // a fault "now" lands on the next whole ms: when nothing else would move the clock
      // (paused), go there, so the canvas shows it at once
      const s = store.getState()
      if (!s.playing && !s.seeking) {
        const t = Math.max(sim.now, ...added.map((f) => f.at))
        if (t > sim.now) runTo(t)
        else {
          keepAfter = t
          sim.runUntil(t) // events due now, the fault among them
        }
        publish()
      }
      return
    }
    const t = sim.now
    if (t === 0) return resetRun(null)
    if (onlyFaultsChanged(before, next)) {
      // an undone or edited fault: replay the same run without it, up to where we were
      samples = []
      sampledUpTo = 0
      return replayTo(t)
    }
    resetRun('The diagram changed, so the run started again from 0 s.')
    editor.getState().notify('The diagram changed, so the run started again from 0 s (press Run to continue).')
  })

  return {
    store,
    packets: () => inFlight,
    log() {
      const version = logSeq
      if (logCache?.version !== version) {
        const recent = rawLog.slice(-LOG_LIMIT)
        const oldest = recent[0]?.seq ?? Infinity
        const kept = landmarks.filter((r) => r.seq < oldest).slice(-LANDMARK_LIMIT)
        logCache = { version, entries: [...kept, ...recent].map((r) => describeEvent(r.e, diagram, r.seq)) }
      }
      return logCache.entries
    },
    logVersion: () => logSeq,
    alarms: () => (alarms.length > ALARM_LIMIT ? alarms.slice(-ALARM_LIMIT) : alarms),
    samples: () => samples,
    metrics: () => sim.metrics(),
    journey(correlationId, requestId) {
      return sim.trace().filter((h) => (correlationId !== 0 ? h.correlationId === correlationId : h.requestId === requestId))
    },
    injectFault(f) {
      // the timeline holds whole ms: the next one, so the fault is after all the run has
      // done so far, and a replay from 0 gives what the live run shows
      editor.getState().addFault({ ...f, at: liveFaultTime(sim.now) } as Fault)
    },
    dispose() {
      unsubscribeEditor()
      unsubscribeSim()
      sim.dispose()
    },
  }
}

const EMPTY_SNAPSHOT: SimSnapshot = { time: 0, events: 0, nodes: [], totals: { created: 0, ended: 0, inFlight: 0 } }

/** The two diagrams run the same (they differ in positions or labels only). */
function sameRun(a: Diagram, b: Diagram): boolean {
  if (sameStructure(a, b)) return true
  if (a.links !== b.links || a.faults !== b.faults || a.seed !== b.seed || a.nodes.length !== b.nodes.length) return false
  return a.nodes.every((n, i) => {
    const m = b.nodes[i]!
    return n === m || (n.id === m.id && n.kind === m.kind && n.settings === m.settings)
  })
}

function onlyFaultsChanged(a: Diagram, b: Diagram): boolean {
  return sameRun({ ...a, faults: b.faults }, b)
}

/** The faults `b` adds at the end of `a`'s timeline, when that is the only difference; else null. */
function appendedFaults(a: Diagram, b: Diagram): Fault[] | null {
  if (!onlyFaultsChanged(a, b)) return null
  const before = a.faults ?? []
  const after = b.faults ?? []
  if (after.length <= before.length) return null
  // addFault inserts in time order; a fault at or after now lands after every earlier one
  const kept = after.filter((f) => before.includes(f))
  if (kept.length !== before.length) return null
  return after.filter((f) => !before.includes(f))
}
