import { type Fault, liveFaultTime, MAX_ADDED_LATENCY_MS, MAX_SERVICE_TIME_MS, replicasAt, timelineAt, type TimelineState, NO_CHANGES } from '../../model/faults'
import { linkRole } from '../../model/rules'
import type { Diagram } from '../../model/types'
import type { SimSnapshot } from '../../sim/types'

export type LiveFault = Fault extends infer F ? (F extends unknown ? Omit<F, 'at'> : never) : never

export interface FaultChoice {
  /** what the menu item or button says */
  label: string
  fault: LiveFault
  /** a menu item that makes things worse is drawn in red */
  harmful: boolean
  /** what it does, in a sentence, where the label alone leaves it open (a tooltip) */
  hint?: string
}

const HINTS = {
  detach: 'The consumer stops taking deliveries; its messages wait for it in the broker.',
  unsubscribe: 'The topic stops copying new events for this subscriber; nothing is kept for it meanwhile.',
  poison: 'The next one sent over this link fails every consumer that processes it, so it ends in the dead-letter queue.',
  contract: 'A new release: messages sent from now on carry this contract; consumers expecting another refuse them.',
  expect: 'The consumer accepts this contract from now on (and refuses the one it expected before).',
  slowService: 'Its mean service time from now on (work already started keeps its own): a slow dependency, as its callers see it.',
}

/** Added to a link's latency by "Slow this link", ms. */
export const SLOW_LINK_MS = 200
/** The error rate "Raise the error rate" sets, percent. */
export const RAISED_ERROR_RATE = 50
/** "Slow <service>" multiplies its mean service time by this. */
export const SLOW_SERVICE_FACTOR = 5
/** What "Slow <service>" sets when its service time is 0, ms. */
const SLOW_SERVICE_FLOOR_MS = 100

/** A fault with an amount a person types (the inspector's "Service time from now: [1500] ms
 * Set"), starting from what the timeline has made it so far. */
export interface FaultAmount {
  label: string
  /** the button's word */
  verb: string
  min: number
  max: number
  value: number
  fault(value: number): LiveFault
}

const ms = (v: number) => `${v.toLocaleString('en-US')} ms`

/** The same contract one version on ("ShipOrder v1" → "ShipOrder v2"); null past v9999. */
export function nextVersion(contract: string): string | null {
  const m = /^(.*) v(\d+)$/.exec(contract)
  if (!m) return null
  const v = Number(m[2]) + 1
  return v > 9999 ? null : `${m[1]} v${v}`
}

/**
 * The faults one can inject now into a node or a link, in the order a menu shows them.
 * Pure. `links` says what the timeline has done so far, so a detached consumer offers
 * "Attach" and not "Detach", a raised error rate offers setting it to 0, and a contract
 * change starts from the contract the link speaks now.
 */
export function faultChoices(
  d: Diagram,
  target: { node: string } | { link: string },
  links: TimelineState = NO_CHANGES,
  /** each replica's state now (replica 1 first), when the run knows it: only what can happen is offered */
  replicas?: readonly ('up' | 'crashed' | 'restarting')[],
): FaultChoice[] {
  if ('node' in target) {
    const node = d.nodes.find((n) => n.id === target.node)
    if (!node || (node.kind !== 'service' && node.kind !== 'database')) return []
    const s = node.settings
    const up = (r: number) => !replicas || replicas[r - 1] === undefined || replicas[r - 1] === 'up'
    const anyUp = !replicas || replicas.some((x) => x === 'up')
    const anyDown = !replicas || replicas.some((x) => x !== 'up')
    const out: FaultChoice[] = []
    if (anyUp) out.push({ label: `Crash ${node.label}`, fault: { action: 'crash', node: node.id }, harmful: true })
    if (anyDown) out.push({ label: `Restart ${node.label}`, fault: { action: 'restart', node: node.id }, harmful: false })
    if (s.replicas > 1) {
      for (let r = 1; r <= Math.min(s.replicas, 8); r++) if (up(r)) out.push({ label: `Crash replica ${r}`, fault: { action: 'crash', node: node.id, replica: r }, harmful: true })
    }
    const errorRate = links.errorRates.get(node.id) ?? s.errorRate
    out.push(
      errorRate < RAISED_ERROR_RATE
        ? { label: `Raise the error rate to ${RAISED_ERROR_RATE} %`, fault: { action: 'errorRate', node: node.id, errorRate: RAISED_ERROR_RATE }, harmful: true }
        : { label: 'Set the error rate to 0 %', fault: { action: 'errorRate', node: node.id, errorRate: 0 }, harmful: false },
    )
    // slowing sets a multiple of the setting (it does not stack); restoring once it differs
    const timeMs = links.serviceTimes.get(node.id) ?? s.timeMs
    // a service already at the longest time cannot be slowed further
    if (timeMs !== s.timeMs || slowServiceTime(s.timeMs) !== s.timeMs) out.push(
      timeMs === s.timeMs
        ? { label: `Slow ${node.label} to ${ms(slowServiceTime(s.timeMs))}`, fault: { action: 'serviceTime', node: node.id, timeMs: slowServiceTime(s.timeMs) }, harmful: true, hint: HINTS.slowService }
        : { label: `Restore the service time (${ms(s.timeMs)})`, fault: { action: 'serviceTime', node: node.id, timeMs: s.timeMs }, harmful: false },
    )
    return out
  }
  const link = d.links.find((l) => l.id === target.link)
  if (!link) return []
  const contractOf = (id: string) => links.contracts.get(id) ?? d.links.find((l) => l.id === id)?.settings.contract ?? ''
  const role = linkRole(d, link)
  if (role === 'consume') {
    const out: FaultChoice[] = links.detached.has(link.id)
      ? [{ label: 'Attach this consumer again', fault: { action: 'attach', link: link.id }, harmful: false }]
      : [{ label: 'Detach this consumer', fault: { action: 'detach', link: link.id }, harmful: true, hint: HINTS.detach }]
    if (d.nodes.find((n) => n.id === link.source)?.kind === 'topic') {
      out.push(
        links.unsubscribed.has(link.id)
          ? { label: 'Subscribe to the topic', fault: { action: 'subscribe', link: link.id }, harmful: false }
          : { label: 'Unsubscribe from the topic', fault: { action: 'unsubscribe', link: link.id }, harmful: true, hint: HINTS.unsubscribe },
      )
    }
    if (link.kind === 'message') {
      // a consumer can catch up with what its queue's producers send now
      const own = contractOf(link.id)
      const sent = new Set(d.links.filter((l) => l.kind === 'message' && l.target === link.source).map((l) => contractOf(l.id)))
      for (const c of sent) if (c !== own) out.push({ label: `Expect “${c}”`, fault: { action: 'contract', link: link.id, contract: c }, harmful: false, hint: HINTS.expect })
    }
    return out
  }
  // slowing adds to the setting (it does not stack); restoring is offered once it is slowed
  const out: FaultChoice[] = links.slowed.has(link.id)
    ? [{ label: 'Restore its latency', fault: { action: 'latency', link: link.id, addMs: 0 }, harmful: false }]
    : [{ label: `Slow this link by ${SLOW_LINK_MS} ms`, fault: { action: 'latency', link: link.id, addMs: SLOW_LINK_MS }, harmful: true }]
  if (role === 'publish') {
    out.push({ label: link.kind === 'message' ? 'Send a poison message' : 'Publish a poison event', fault: { action: 'poison', link: link.id }, harmful: true, hint: HINTS.poison })
    const next = link.kind === 'message' ? nextVersion(contractOf(link.id)) : null
    if (next !== null) out.push({ label: `Send “${next}” from now on`, fault: { action: 'contract', link: link.id, contract: next }, harmful: true, hint: HINTS.contract })
  }
  return out
}

function slowServiceTime(timeMs: number): number {
  return timeMs > 0 ? Math.min(MAX_SERVICE_TIME_MS, timeMs * SLOW_SERVICE_FACTOR) : SLOW_SERVICE_FLOOR_MS
}

/** The faults of a node or link that take a typed amount, each starting from what the
 * timeline has made it by now: a service's mean service time, a link's added latency. Pure. */
export function faultAmounts(d: Diagram, target: { node: string } | { link: string }, links: TimelineState = NO_CHANGES): FaultAmount[] {
  if ('node' in target) {
    const node = d.nodes.find((n) => n.id === target.node)
    if (!node || (node.kind !== 'service' && node.kind !== 'database')) return []
    const id = node.id
    return [{ label: 'Service time from now', verb: 'Set', min: 0, max: MAX_SERVICE_TIME_MS, value: links.serviceTimes.get(id) ?? node.settings.timeMs, fault: (timeMs) => ({ action: 'serviceTime', node: id, timeMs }) }]
  }
  const id = target.link
  if (!d.links.some((l) => l.id === id)) return []
  return [{ label: 'Added latency from now', verb: 'Set', min: 0, max: MAX_ADDED_LATENCY_MS, value: links.slowed.get(id) ?? 0, fault: (addMs) => ({ action: 'latency', link: id, addMs }) }]
}

/** How many faults of a timeline (in time order) happen at or before `time`. */
export function faultsBy(faults: readonly Fault[], time: number): number {
  let n = 0
  while (n < faults.length && (faults[n] as Fault).at <= time) n++
  return n
}

/** A node's replica states in the snapshot as one string ("up,crashed"), so a selector re-renders only when they change; '' when unknown. */
export function replicaStates(snapshot: SimSnapshot, node: string | null): string {
  if (node === null) return ''
  return snapshot.nodes.find((n) => n.id === node)?.replicas.map((r) => r.state).join(',') ?? ''
}

/** What of the run the choices read to know a node's replicas. */
export interface RunReplicaView {
  playing: boolean
  seeking: unknown
  time: number
  snapshot: SimSnapshot
  faults: readonly Fault[]
}

/**
 * A node's replica states for the choices, as replicaStates packs them: the run's own
 * while it plays or seeks (it has applied what happened), else the timeline's as a fault
 * added now would find them. Paused, the two agree, except where the run has not yet
 * applied faults due at its instant: before Run and after Reset its snapshot still shows
 * every replica up though the timeline crashes one at 0 s. Pure.
 */
export function offeredReplicaStates(run: RunReplicaView, d: Diagram, node: string | null): string {
  if (node === null) return ''
  if (run.playing || run.seeking) return replicaStates(run.snapshot, node)
  const n = d.nodes.find((x) => x.id === node)
  if (!n || (n.kind !== 'service' && n.kind !== 'database')) return ''
  return replicasAt(run.faults, n, liveFaultTime(run.time)).join(',')
}

/**
 * What a node or link offers now, the inspector's buttons and the compare view's alike: the
 * faults once the first `applied` of the timeline have happened (faultsBy), and replicas as
 * offeredReplicaStates gives them ('' when not known). Pure.
 */
export function offeredNow(d: Diagram, target: { node: string } | { link: string }, faults: readonly Fault[], applied: number, states: string): { choices: FaultChoice[]; amounts: FaultAmount[] } {
  const timeline = timelineAt(faults.slice(0, applied), Infinity)
  return {
    choices: faultChoices(d, target, timeline, states ? (states.split(',') as ('up' | 'crashed' | 'restarting')[]) : undefined),
    amounts: faultAmounts(d, target, timeline),
  }
}
