import type { LatencySummary, SimMetrics, SimSnapshot } from '../../sim/types'
import type { Sample, SampleFigures } from './types'

/**
 * One chart sample: cumulative counts and latency percentiles so far, and depths now, for
 * the whole system and for each node and link. Pure. Charts take differences of counts
 * between samples to show rates.
 */
export function takeSample(m: SimMetrics, snap: SimSnapshot): Sample {
  const parts: Record<string, SampleFigures> = {}
  const depthOf = new Map(snap.nodes.map((n) => [n.id, n.subscriptions.reduce((sum, s) => sum + s.held, 0) + n.replicas.reduce((sum, r) => sum + r.queued, 0)]))
  let depth = 0
  for (const c of m.clients) parts[c.id] = figures(c.issued, c.failed, c.latency, 0)
  for (const s of m.servers) {
    const d = depthOf.get(s.id) ?? 0
    depth += d
    parts[s.id] = figures(s.arrivals, s.failed + s.rejected, s.responseTime, d)
  }
  for (const b of m.brokers) {
    const d = depthOf.get(b.id) ?? 0
    depth += d
    const dead = b.subscriptions.reduce((sum, s) => sum + s.deadLettered, 0)
    // the slowest subscription's publish-to-ack time stands for the broker
    const slowest = b.subscriptions.reduce<LatencySummary | null>((w, s) => (w === null || s.publishToAck.p95 > w.p95 ? s.publishToAck : w), null)
    parts[b.id] = figures(b.published, dead + b.refused, slowest, d)
  }
  for (const l of m.links) parts[l.id] = { count: l.calls, errors: l.failures + l.timeouts + l.expired, p50: 0, p95: 0, p99: 0, depth: l.outstanding }
  // the system's latency is the clients' (end to end), weighted by how many each finished
  const ops = m.totals.operations
  const latency = weighted(m.clients.map((c) => c.latency))
  return { at: m.time, system: { count: ops.issued, errors: ops.failed, p50: latency.p50, p95: latency.p95, p99: latency.p99, depth }, parts }
}

function figures(count: number, errors: number, l: LatencySummary | null, depth: number): SampleFigures {
  return { count, errors, p50: l?.p50 ?? 0, p95: l?.p95 ?? 0, p99: l?.p99 ?? 0, depth }
}

function weighted(ls: LatencySummary[]): { p50: number; p95: number; p99: number } {
  const total = ls.reduce((s, l) => s + l.count, 0)
  if (total === 0) return { p50: 0, p95: 0, p99: 0 }
  const w = (pick: (l: LatencySummary) => number) => ls.reduce((s, l) => s + pick(l) * l.count, 0) / total
  return { p50: w((l) => l.p50), p95: w((l) => l.p95), p99: w((l) => l.p99) }
}
