import { isRecord } from '../lib/isRecord'
import { err, ok, type Result } from '../lib/result'
import { CONTRACT_MAX_LENGTH, CONTRACT_PATTERN } from './fields'
import type { Problem } from './invariants'
import { linkRole } from './rules'
import type { Diagram, DiagramLink } from './types'

/**
 * Faults as data: a timeline of things that go wrong (or get fixed) at simulated times.
 * A document may carry one (top-level `faults`); the command line replays it and the
 * browser appends to it live. Times in ms from the start of the run; replicas numbered
 * from 1, as a person counts them. Pure.
 */
export type Fault =
  /** crash or restart every replica of a service or database, or only `replica` */
  | { at: number; action: 'crash' | 'restart'; node: string; replica?: number }
  /** from `at` on, the link's one-way latency is its setting plus `addMs` (0 removes it) */
  | { at: number; action: 'latency'; link: string; addMs: number }
  /** from `at` on, the service's error rate is `errorRate` percent */
  | { at: number; action: 'errorRate'; node: string; errorRate: number }
  /** from `at` on, the mean service time of the service or database is `timeMs` (its
   * distribution unchanged; work already started keeps the time it drew) */
  | { at: number; action: 'serviceTime'; node: string; timeMs: number }
  /** take a consumer away from its queue or topic, or give it back */
  | { at: number; action: 'detach' | 'attach'; link: string }
  /** a topic stops copying new events to this subscriber's subscription, or starts again
   * (what the subscription already holds is still delivered) */
  | { at: number; action: 'unsubscribe' | 'subscribe'; link: string }
  /** the first message or event sent over this producer's link from `at` on that the broker
   * takes (the first to reach it, should a later one overtake) is poison: every consumer that
   * processes it fails, so it ends in the dead-letter queue */
  | { at: number; action: 'poison'; link: string }
  /** from `at` on, a message link speaks `contract`: a producer's link stamps it on what it
   * sends from then on, a consumer's link expects it */
  | { at: number; action: 'contract'; link: string; contract: string }

export type FaultAction = Fault['action']
export const FAULT_ACTIONS: readonly FaultAction[] = ['crash', 'restart', 'latency', 'errorRate', 'serviceTime', 'detach', 'attach', 'unsubscribe', 'subscribe', 'poison', 'contract']

/** The fields each action takes besides `at` and `action`. */
const FIELDS: Record<FaultAction, readonly string[]> = {
  crash: ['node', 'replica'],
  restart: ['node', 'replica'],
  errorRate: ['node', 'errorRate'],
  serviceTime: ['node', 'timeMs'],
  latency: ['link', 'addMs'],
  detach: ['link'],
  attach: ['link'],
  unsubscribe: ['link'],
  subscribe: ['link'],
  poison: ['link'],
  contract: ['link', 'contract'],
}

/** The most latency a fault may add to a link, ms. */
export const MAX_ADDED_LATENCY_MS = 60_000

/** The longest mean service time a fault may set: an hour, as the service's own setting allows. */
export const MAX_SERVICE_TIME_MS = 3_600_000

/** The longest timeline a document may carry, so an untrusted file stays cheap to check. */
export const MAX_FAULTS = 10_000
const MAX_AT_MS = 366 * 24 * 3_600_000

const isNumberIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max

/** Check an untrusted `faults` value against a diagram; every problem carries its path. */
export function parseFaults(raw: unknown, diagram: Diagram, at = 'faults'): Result<Fault[], Problem[]> {
  if (!Array.isArray(raw)) return err([{ path: at, message: 'faults must be a list.' }])
  if (raw.length > MAX_FAULTS) return err([{ path: at, message: `A document holds at most ${MAX_FAULTS} faults.` }])
  const problems: Problem[] = []
  const faults: Fault[] = []
  raw.forEach((f, i) => {
    const p = `${at}[${i}]`
    if (!isRecord(f)) return problems.push({ path: p, message: 'A fault must be an object.' })
    const before = problems.length
    if (!isNumberIn(f.at, 0, MAX_AT_MS)) problems.push({ path: `${p}.at`, message: 'at must be a time in ms, at least 0.' })
    const action = f.action as FaultAction
    if (!FAULT_ACTIONS.includes(action)) return problems.push({ path: `${p}.action`, message: `action must be one of ${FAULT_ACTIONS.join(', ')}.` })
    const allowed = new Set(['at', 'action', ...FIELDS[action]])
    for (const key of Object.keys(f)) if (!allowed.has(key)) problems.push({ path: `${p}.${key}`, message: `A ${action} fault has no field “${key}”.` })
    if (action === 'crash' || action === 'restart' || action === 'errorRate' || action === 'serviceTime') {
      const node = diagram.nodes.find((n) => n.id === f.node)
      const what = action === 'errorRate' ? 'have its error rate changed' : action === 'serviceTime' ? 'have its service time changed' : action
      if (!node) problems.push({ path: `${p}.node`, message: `No node has the id “${String(f.node)}”.` })
      else if (node.kind !== 'service' && node.kind !== 'database') problems.push({ path: `${p}.node`, message: `Only a service or a database can ${what}; “${node.label}” is a ${node.kind}.` })
      else if ((action === 'crash' || action === 'restart') && f.replica !== undefined) {
        const replicas = node.settings.replicas
        if (!isNumberIn(f.replica, 1, replicas) || !Number.isInteger(f.replica)) problems.push({ path: `${p}.replica`, message: `replica must be a whole number from 1 to ${replicas}.` })
      }
      if (action === 'errorRate' && !isNumberIn(f.errorRate, 0, 100)) problems.push({ path: `${p}.errorRate`, message: 'errorRate must be a percentage from 0 to 100.' })
      if (action === 'serviceTime' && !isNumberIn(f.timeMs, 0, MAX_SERVICE_TIME_MS)) problems.push({ path: `${p}.timeMs`, message: `timeMs must be from 0 to ${MAX_SERVICE_TIME_MS.toLocaleString('en-US')} ms.` })
    } else {
      const link = diagram.links.find((l) => l.id === f.link)
      if (!link) problems.push({ path: `${p}.link`, message: `No link has the id “${String(f.link)}”.` })
      else {
        const problem = linkProblem(diagram, link, action)
        if (problem !== null) problems.push({ path: `${p}.link`, message: problem })
      }
      if (action === 'latency' && !isNumberIn(f.addMs, 0, MAX_ADDED_LATENCY_MS)) problems.push({ path: `${p}.addMs`, message: `addMs must be from 0 to ${MAX_ADDED_LATENCY_MS.toLocaleString('en-US')} ms.` })
      if (action === 'contract' && (typeof f.contract !== 'string' || f.contract.length > CONTRACT_MAX_LENGTH || !CONTRACT_PATTERN.test(f.contract))) {
        problems.push({ path: `${p}.contract`, message: 'contract must be a name and a version, like “OrderPlaced v2”.' })
      }
    }
    if (problems.length === before) faults.push({ ...f } as Fault)
  })
  return problems.length ? err(problems) : ok(faults)
}

/** Why this link cannot take a fault of this kind, in words; null when it can. */
function linkProblem(diagram: Diagram, link: DiagramLink, action: FaultAction): string | null {
  const role = linkRole(diagram, link)
  const sourceKind = diagram.nodes.find((n) => n.id === link.source)?.kind
  switch (action) {
    case 'detach':
    case 'attach':
      return role === 'consume' ? null : `Only a consumer's link (out of a queue or topic) can be ${action}ed.`
    case 'unsubscribe':
    case 'subscribe':
      return role === 'consume' && sourceKind === 'topic' ? null : `Only a subscriber's link (out of a topic) can ${action}.`
    case 'poison':
      return role === 'publish' ? null : "Only a producer's link into a queue or topic can carry a poison message."
    case 'contract':
      return link.kind === 'message' ? null : 'Only a message link (to or from a queue) has a contract.'
    default:
      return null
  }
}

/**
 * The diagram with only the faults that still apply to it: an edit that deletes a node or
 * link, lowers a replica count or turns a consumer into something else drops the faults
 * that named it (a timeline with a dangling fault would make the whole document invalid).
 * Returns the same diagram when nothing is dropped.
 */
export function keepValidFaults(d: Diagram): Diagram {
  const faults = d.faults
  if (!faults || faults.length === 0) return d
  const kept = faults.filter((f) => parseFaults([f], d).ok)
  if (kept.length === faults.length) return d
  return kept.length > 0 ? { ...d, faults: kept } : withoutFaults(d)
}

function withoutFaults(d: Diagram): Diagram {
  const { faults: _dropped, ...rest } = d
  return rest
}

/** Insert a fault keeping the timeline in time order (a fault at the same instant goes after those already there). */
export function addFault(d: Diagram, fault: Fault): Diagram {
  const faults = [...(d.faults ?? [])]
  let i = faults.length
  while (i > 0 && faults[i - 1]!.at > fault.at) i--
  faults.splice(i, 0, fault)
  return { ...d, faults }
}

/** The diagram without these faults (the very objects of its timeline); no `faults` at all
 * once none is left. Returns the same diagram when none of them is on it. */
export function removeFaults(d: Diagram, gone: readonly Fault[]): Diagram {
  const faults = d.faults ?? []
  const kept = faults.filter((f) => !gone.includes(f))
  if (kept.length === faults.length) return d
  return kept.length > 0 ? { ...d, faults: kept } : withoutFaults(d)
}

/** The fault in words, naming nodes and links by their labels ("Crash Orders, replica 2"). */
export function describeFault(f: Fault, d: Diagram): string {
  const node = (id: string) => d.nodes.find((n) => n.id === id)?.label ?? id
  if (!('link' in f)) {
    if (f.action === 'errorRate') return `Set the error rate of ${node(f.node)} to ${f.errorRate} %`
    if (f.action === 'serviceTime') return `Set the service time of ${node(f.node)} to ${f.timeMs.toLocaleString('en-US')} ms`
    return `${f.action === 'crash' ? 'Crash' : 'Restart'} ${node(f.node)}${f.replica !== undefined ? `, replica ${f.replica}` : ''}`
  }
  const l = d.links.find((x) => x.id === f.link)
  // ends by label; a link the diagram no longer has by its id
  const [from, to] = l ? [node(l.source), node(l.target)] : [f.link, '?']
  const link = l ? `${from} → ${to}` : f.link
  switch (f.action) {
    case 'latency':
      return f.addMs > 0 ? `Slow ${link} by ${f.addMs} ms` : `Restore the latency of ${link}`
    case 'detach':
      return `Detach the consumer ${link}`
    case 'attach':
      return `Attach the consumer ${link}`
    case 'unsubscribe':
      return `Unsubscribe ${to} from ${from}`
    case 'subscribe':
      return `Subscribe ${to} to ${from}`
    case 'poison':
      return `${from} sends a poison ${l?.kind === 'event' ? 'event' : 'message'} to ${to}`
    case 'contract':
      // a producer's link goes into its queue; a consumer's comes out of it
      return d.nodes.find((n) => n.id === l?.target)?.kind === 'queue' ? `${from} now sends “${f.contract}” to ${to}` : `${to} now expects “${f.contract}” from ${from}`
  }
}

/** What the timeline has done by an instant to what faults can change and the menus
 * offer to change back: which consumers are detached, which subscribers unsubscribed,
 * each message link's contract, each slowed link, each service's error rate (only where a
 * fault changed them; the rest is as the diagram says). */
export interface TimelineState {
  detached: ReadonlySet<string>
  unsubscribed: ReadonlySet<string>
  contracts: ReadonlyMap<string, string>
  /** links slowed by a latency fault, with the ms it adds */
  slowed: ReadonlyMap<string, number>
  /** nodes whose error rate a fault set, in % */
  errorRates: ReadonlyMap<string, number>
  /** nodes whose mean service time a fault set, in ms */
  serviceTimes: ReadonlyMap<string, number>
}

export const NO_CHANGES: TimelineState = { detached: new Set(), unsubscribed: new Set(), contracts: new Map(), slowed: new Map(), errorRates: new Map(), serviceTimes: new Map() }

/** The timeline's state at `time` (the last fault at or before it wins). */
export function timelineAt(faults: readonly Fault[], time: number): TimelineState {
  const detached = new Set<string>()
  const unsubscribed = new Set<string>()
  const contracts = new Map<string, string>()
  const slowed = new Map<string, number>()
  const errorRates = new Map<string, number>()
  const serviceTimes = new Map<string, number>()
  for (const f of faults) {
    if (f.at > time) break
    if (f.action === 'detach') detached.add(f.link)
    else if (f.action === 'attach') detached.delete(f.link)
    else if (f.action === 'unsubscribe') unsubscribed.add(f.link)
    else if (f.action === 'subscribe') unsubscribed.delete(f.link)
    else if (f.action === 'contract') contracts.set(f.link, f.contract)
    else if (f.action === 'latency') {
      if (f.addMs > 0) slowed.set(f.link, f.addMs)
      else slowed.delete(f.link)
    } else if (f.action === 'errorRate') errorRates.set(f.node, f.errorRate)
    else if (f.action === 'serviceTime') serviceTimes.set(f.node, f.timeMs)
  }
  return { detached, unsubscribed, contracts, slowed, errorRates, serviceTimes }
}

/** One link's state at `time`, as a short key ('' when the timeline has not touched it):
 * the contract a fault gave it, whether it is detached or unsubscribed, and the latency a
 * fault added to it. Cheap enough to run for every link on every frame of a run. */
export function linkStateKey(faults: readonly Fault[], time: number, link: string): string {
  let contract = ''
  let detached = false
  let unsubscribed = false
  let addedMs = 0
  for (const f of faults) {
    if (f.at > time) break
    if (!('link' in f) || f.link !== link) continue
    if (f.action === 'detach' || f.action === 'attach') detached = f.action === 'detach'
    else if (f.action === 'unsubscribe' || f.action === 'subscribe') unsubscribed = f.action === 'unsubscribe'
    else if (f.action === 'contract') contract = f.contract
    else if (f.action === 'latency') addedMs = f.addMs
  }
  // the contract last: it is free text, and may hold the separator
  return contract === '' && !detached && !unsubscribed && addedMs === 0 ? '' : `${detached ? 'd' : '-'}${unsubscribed ? 'u' : '-'}${addedMs};${contract}`
}

/** What linkStateKey packed. */
export function readLinkStateKey(key: string): { detached: boolean; unsubscribed: boolean; contract: string | null; addedMs: number } {
  const rest = key.slice(2)
  const cut = rest.indexOf(';')
  const contract = cut < 0 ? '' : rest.slice(cut + 1)
  return { detached: key[0] === 'd', unsubscribed: key[1] === 'u', contract: contract === '' ? null : contract, addedMs: cut < 0 ? 0 : Number(rest.slice(0, cut)) || 0 }
}

/** The contract a message link speaks at `time`: its setting, or what the last contract
 * fault at or before `time` made it (a producer's message carries the one of when it was sent). */
export function linkContractAt(d: Diagram, link: DiagramLink, time: number): string {
  let contract = link.settings.contract
  for (const f of d.faults ?? []) {
    if (f.at > time) break
    if (f.action === 'contract' && f.link === link.id) contract = f.contract
  }
  return contract
}

export type ReplicaState = 'up' | 'crashed' | 'restarting'

/**
 * A service's or database's replicas (replica 1 first) as a fault added at `time` finds
 * them, from the timeline alone: the crashes and restarts at or before `time`, and the
 * auto-heals due before it (a fault acts first at its instant). The engine's lifecycle:
 * a crash takes an up replica down (restarting instead when `healMs` > 0, up again
 * `healMs` later), a restart brings a down one up; anything else changes nothing. Pure.
 */
export function replicasAt(faults: readonly Fault[], node: { id: string; settings: { replicas: number; healMs: number } }, time: number): ReplicaState[] {
  const { replicas, healMs } = node.settings
  const state: ReplicaState[] = Array.from({ length: replicas }, () => 'up')
  const healAt: number[] = Array.from({ length: replicas }, () => Infinity)
  const healBefore = (t: number) => {
    for (let r = 0; r < replicas; r++) if (state[r] === 'restarting' && healAt[r]! < t) state[r] = 'up'
  }
  for (const f of faults) {
    if (f.at > time) break
    if ((f.action !== 'crash' && f.action !== 'restart') || f.node !== node.id) continue
    healBefore(f.at)
    for (let r = 0; r < replicas; r++) {
      if (f.replica !== undefined && f.replica !== r + 1) continue
      if (f.action === 'restart') state[r] = 'up'
      else if (state[r] === 'up') {
        state[r] = healMs > 0 ? 'restarting' : 'crashed'
        healAt[r] = f.at + healMs
      }
    }
  }
  healBefore(time)
  return state
}

/**
 * When a fault asked for "now" goes on the timeline: the next whole ms after `now`, so it
 * is after everything the run has already done at `now`. A fault runs before any other
 * event of its instant (engine), so a replay from 0 then gives exactly the live run. At
 * 0 nothing but faults can have happened yet, so 0 itself will do.
 */
export function liveFaultTime(now: number): number {
  return now === 0 ? 0 : Math.floor(now) + 1
}

/** Seeds are whole numbers up to this (they must survive JSON and a share link exactly). */
export const MAX_SEED = 2_147_483_647
