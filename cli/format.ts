import type { LatencySummary, SimMetrics } from '../src/sim/index'
import { formatDuration } from './duration'

/** The metrics as plain-text tables for a terminal. Pure. */

const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 })
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2))
const pct = (v: number) => `${(v * 100).toFixed(1)} %`

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n')
}

const lat = (l: LatencySummary) => (l.count === 0 ? ['–', '–', '–', '–'] : [ms(l.mean), ms(l.p50), ms(l.p95), ms(l.p99)])

export function formatMetrics(file: string, m: SimMetrics, wallMs: number): string {
  const out: string[] = []
  out.push(`${file}: ${formatDuration(m.time)} simulated, seed ${m.seed}, ${n(m.events)} events in ${(wallMs / 1000).toFixed(2)} s`)
  if (m.clients.length > 0) {
    out.push(
      '',
      table(
        ['Client', 'issued', 'succeeded', 'failed', 'in flight', 'mean ms', 'p50', 'p95', 'p99', 'failures by reason'],
        m.clients.map((c) => [
          c.label,
          n(c.issued),
          n(c.succeeded),
          n(c.failed),
          n(c.inFlight),
          ...lat(c.latency),
          Object.entries(c.failedBy)
            .map(([k, v]) => `${k} ${n(v)}`)
            .join(', ') || '–',
        ]),
      ),
    )
  }
  if (m.servers.length > 0) {
    out.push(
      '',
      table(
        ['Service / database', 'arrivals', 'completed', 'failed', 'rejected', 'util', 'in system', 'queue mean', 'max', 'mean ms', 'p50', 'p95', 'p99', 'replicas up'],
        m.servers.map((s) => [
          s.label,
          n(s.arrivals),
          n(s.completed),
          n(s.failed),
          n(s.rejected),
          pct(s.utilization),
          s.meanInSystem.toFixed(2),
          s.queueLength.mean.toFixed(2),
          n(s.queueLength.max),
          ...lat(s.responseTime),
          `${s.replicas.up}/${s.replicas.total}`,
        ]),
      ),
    )
  }
  const subs = m.brokers.flatMap((b) =>
    b.subscriptions.map((s) => {
      const consumer = s.link ? `${b.label} → ${s.consumerLabels.join(', ')}` : b.label
      return [consumer, n(s.published), n(s.delivered), n(s.acked), n(s.redelivered), n(s.deadLettered), s.depth.mean.toFixed(2), n(s.depth.max), ...lat(s.publishToAck).slice(0, 3)]
    }),
  )
  if (subs.length > 0) {
    out.push('', table(['Queue / subscription', 'published', 'delivered', 'acked', 'redelivered', 'dead-lettered', 'depth mean', 'max', 'to ack ms', 'p50', 'p95'], subs))
    const refused = m.brokers.filter((b) => b.refused > 0)
    if (refused.length > 0) out.push(`Refused when full: ${refused.map((b) => `${b.label} ${n(b.refused)}`).join(', ')}`)
  }
  const t = m.totals
  const ok = t.created === t.ended + t.inFlight
  out.push(
    '',
    `Records: created ${n(t.created)} = ended ${n(t.ended)} + in flight ${n(t.inFlight)}${ok ? '' : '  ✗ NOT CONSERVED'}`,
    `Operations: ${n(t.operations.issued)} issued, ${n(t.operations.succeeded)} succeeded, ${n(t.operations.failed)} failed, ${n(t.operations.inFlight)} in flight`,
  )
  return out.join('\n')
}
