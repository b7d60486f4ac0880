import type { LogEntry } from '../../store/run/types'
import { formatSimTime } from './formatTime'

/** What the event log shows; 'all' lets everything through. An outcome of 'timeout' keeps
 * the error lines whose reason is a timeout: a caller that stopped waiting, a broker that
 * stopped waiting for an ack, and the errors and nacks that a timeout further down caused. */
export interface LogFilter {
  node: string
  pattern: LogEntry['pattern'] | 'all'
  outcome: LogEntry['outcome'] | 'timeout' | 'all'
}

export const ALL: LogFilter = { node: 'all', pattern: 'all', outcome: 'all' }

export const PATTERNS: { value: LogEntry['pattern']; label: string }[] = [
  { value: 'sync', label: 'Synchronous HTTP' },
  { value: 'async', label: 'Asynchronous HTTP' },
  { value: 'message', label: 'Message (queue)' },
  { value: 'event', label: 'Event (topic)' },
  { value: 'node', label: 'Node (replicas)' },
  { value: 'fault', label: 'Fault' },
]

export const OUTCOMES: { value: Exclude<LogFilter['outcome'], 'all'>; label: string }[] = [
  { value: 'ok', label: 'OK' },
  { value: 'error', label: 'Error' },
  { value: 'info', label: 'Info' },
  { value: 'timeout', label: 'Timeouts' },
  { value: 'retry', label: 'Retries' },
]

function outcomeMatches(e: LogEntry, outcome: LogFilter['outcome']): boolean {
  if (outcome === 'all') return true
  // a caller that gave up waiting (a sync timeout, an async call's poll deadline), or a broker (an ack timeout)
  if (outcome === 'timeout') return e.outcome === 'error' && (e.reason === 'timeout' || e.reason === 'deadline')
  return e.outcome === outcome
}

/** The lines that pass the filter, newest last, at most `limit` (the newest). Pure. */
export function filterLog(entries: readonly LogEntry[], f: LogFilter, limit = Infinity): LogEntry[] {
  const out: LogEntry[] = []
  for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
    const e = entries[i] as LogEntry
    if (f.pattern !== 'all' && e.pattern !== f.pattern) continue
    if (!outcomeMatches(e, f.outcome)) continue
    if (f.node !== 'all' && !e.nodes.includes(f.node)) continue
    out.push(e)
  }
  return out.reverse()
}

/**
 * The lines to announce to a screen reader since the last announcement: a summary when
 * many arrived at once (announcing each would drown the listener). Pure.
 */
export function announcement(fresh: readonly LogEntry[], maxLines = 3): string {
  if (fresh.length === 0) return ''
  if (fresh.length <= maxLines) return fresh.map((e) => `${formatSimTime(e.at)}: ${e.text}`).join('. ')
  const errors = fresh.filter((e) => e.outcome === 'error').length
  const last = fresh[fresh.length - 1] as LogEntry
  return `${fresh.length} new events${errors > 0 ? `, ${errors} of them errors` : ''}. Latest at ${formatSimTime(last.at)}: ${last.text}`
}
