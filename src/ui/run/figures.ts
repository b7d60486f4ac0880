import { nodeLabel } from '../../model/rules'
import type { Diagram } from '../../model/types'
import type { FailureName, LatencySummary, SimMetrics } from '../../sim/types'
import { FAILURE_WORDS } from '../../store/run/reasonWords'

/**
 * The key numbers of a run as labelled rows, from the engine's metrics at the run's
 * instant. Pure. `value` is the engine's exact number; `text` rounds it for display only.
 */
export interface FigureRow {
  label: string
  /** null when there is no number yet (a success rate before any operation ended): nothing
   * may read one there, as a comparison or a colour would read a made-up 100 % */
  value: number | null
  text: string
}

export interface FigureTable {
  caption: string
  rows: FigureRow[]
}

/** A number cell's exact value, for its tooltip and for tests to read; none when the row has
 * no number yet (its text says "–", and a tooltip or data-value of 1 would contradict it). */
export function exactValue(row: FigureRow | undefined): { 'data-value'?: number; title?: string } {
  return row === undefined || row.value === null ? {} : { 'data-value': row.value, title: String(row.value) }
}

export const count = (label: string, value: number): FigureRow => ({ label, value, text: value.toLocaleString('en-US') })
export const ms = (label: string, value: number): FigureRow => ({ label, value, text: `${formatMs(value)} ms` })
const percent = (label: string, value: number): FigureRow => ({ label, value, text: `${(value * 100).toFixed(1)} %` })
const perSecond = (label: string, value: number): FigureRow => ({ label, value, text: `${value.toFixed(2)} /s` })

/** ms with sensible precision: 0.123, 12.3, 1234 */
export function formatMs(v: number): string {
  if (v === 0) return '0'
  if (Math.abs(v) < 1) return v.toFixed(3)
  if (Math.abs(v) < 100) return v.toFixed(1)
  return Math.round(v).toLocaleString('en-US')
}

/** The success rate; "–" and no value until an operation has ended (a 100 % of nothing
 * would mislead). */
function successRow(succeeded: number, failed: number): FigureRow {
  const rate = successRate(succeeded, failed)
  return rate === null ? { label: 'Success rate', value: null, text: '–' } : percent('Success rate', rate)
}

/** Why operations failed, one row per reason that occurred, in the engine's order of reasons. */
function failureRows(failedBy: readonly Partial<Record<FailureName, number>>[]): FigureRow[] {
  const rows: FigureRow[] = []
  for (const reason of Object.keys(FAILURE_WORDS) as FailureName[]) {
    const n = failedBy.reduce((sum, f) => sum + (f[reason] ?? 0), 0)
    if (n > 0) rows.push(count(`Failed: ${FAILURE_WORDS[reason]}`, n))
  }
  return rows
}

const latencyRows = (what: string, l: LatencySummary): FigureRow[] => [ms(`${what} p50`, l.p50), ms(`${what} p95`, l.p95), ms(`${what} p99`, l.p99)]

/** succeeded ÷ ended (succeeded + failed); null before anything ended */
export function successRate(succeeded: number, failed: number): number | null {
  return succeeded + failed === 0 ? null : succeeded / (succeeded + failed)
}

/** The whole system: client operations and each client's end-to-end latency. */
export function systemFigures(m: SimMetrics): FigureTable {
  const ops = m.totals.operations
  const rows = [
    count('Operations issued', ops.issued),
    count('Operations succeeded', ops.succeeded),
    count('Operations failed', ops.failed),
    ...failureRows(m.clients.map((c) => c.failedBy)),
    count('Operations in flight', ops.inFlight),
    successRow(ops.succeeded, ops.failed),
  ]
  const several = m.clients.length > 1
  for (const c of m.clients) rows.push(ms(several ? `${c.label}: latency p95` : 'Latency p95', c.latency.p95))
  // consumers' refusals and lost acks show as redeliveries before any message is dead-lettered
  const total = (pick: (s: SimMetrics['brokers'][number]['subscriptions'][number]) => number) => m.brokers.reduce((sum, b) => sum + b.subscriptions.reduce((t, x) => t + pick(x), 0), 0)
  if (m.brokers.length > 0) {
    // what decoupling holds back now: the backlog of every queue and topic, and its oldest
    const oldest = m.brokers.reduce((most, b) => b.subscriptions.reduce((t, x) => Math.max(t, x.oldestReadyMs), most), 0)
    rows.push(count('Redelivered', total((s) => s.redelivered)), count('Dead-lettered', total((s) => s.deadLettered)), count('Messages waiting', total((s) => s.depth.now)), ms('Oldest waiting', oldest))
  }
  return { caption: 'Whole system', rows }
}

/** One node or link, or null when the id is not in the metrics (a note, a client with no calls…). */
export function partFigures(m: SimMetrics, d: Diagram, id: string): FigureTable | null {
  const client = m.clients.find((c) => c.id === id)
  if (client) {
    return {
      caption: client.label,
      rows: [
        count('Operations issued', client.issued),
        count('Operations succeeded', client.succeeded),
        count('Operations failed', client.failed),
        ...failureRows([client.failedBy]),
        count('Operations in flight', client.inFlight),
        successRow(client.succeeded, client.failed),
        ...latencyRows('Latency', client.latency),
      ],
    }
  }
  const server = m.servers.find((s) => s.id === id)
  if (server) {
    return {
      caption: server.label,
      rows: [
        count('Requests arrived', server.arrivals),
        count('Requests completed', server.completed),
        count('Requests failed', server.failed),
        count('Rejected (503)', server.rejected),
        // wasted work: answers that arrived after their caller had timed out
        ...((server.records.byOutcome.timedOut ?? 0) > 0 ? [count('Answered after the caller gave up', server.records.byOutcome.timedOut ?? 0)] : []),
        ...latencyRows('Response time', server.responseTime),
        perSecond('Throughput', server.throughput),
        percent('Utilisation', server.utilization),
        count('Queue length now', server.queueLength.now),
        count('Replicas up', server.replicas.up),
      ],
    }
  }
  const broker = m.brokers.find((b) => b.id === id)
  if (broker) {
    const subs = broker.subscriptions
    const sum = (pick: (s: (typeof subs)[number]) => number) => subs.reduce((t, s) => t + pick(s), 0)
    return {
      caption: broker.label,
      rows: [
        count('Published', broker.published),
        count('Refused (full)', broker.refused),
        count('Delivered', sum((s) => s.delivered)),
        count('Acknowledged', sum((s) => s.acked)),
        count('Redelivered', sum((s) => s.redelivered)),
        count('Dead-lettered', sum((s) => s.deadLettered)),
        count('Depth now', sum((s) => s.depth.now)),
        // what decoupling costs: how long work waits before a consumer has done it
        ms('Oldest waiting', Math.max(0, ...subs.map((s) => s.oldestReadyMs))),
        ...subs.map((s) => ms(subs.length > 1 ? `Publish to ack p95: ${s.consumerLabels.join(', ')}` : 'Publish to ack p95', s.publishToAck.p95)),
      ],
    }
  }
  const link = m.links.find((l) => l.id === id)
  const dl = d.links.find((l) => l.id === id)
  if (link) {
    const rows = [count(link.kind === 'message' || link.kind === 'event' ? 'Sent' : 'Calls', link.calls), count('Attempts', link.attempts), count('Retries', link.retries), count('Timeouts', link.timeouts), count('Failures', link.failures)]
    if (link.kind === 'async') rows.push(count('Polls', link.polls), count('Expired (deadline)', link.expired))
    if (link.outstanding > 0 || link.role === 'consume') rows.push(count('Awaiting an answer', link.outstanding))
    return { caption: dl ? `${nodeLabel(d, dl.source)} → ${nodeLabel(d, dl.target)}` : id, rows }
  }
  return null
}
