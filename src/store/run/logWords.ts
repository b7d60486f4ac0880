import { describeFault, linkContractAt } from '../../model/faults'
import { nodeLabel } from '../../model/rules'
import type { Diagram, DiagramLink } from '../../model/types'
import type { Hop, SimEvent } from '../../sim/types'
import { callsDirectly, errorWords, nackWords } from './reasonWords'
import type { LogEntry } from './types'

/**
 * What happened, in the plain words of the event log ("Orders → Payments: POST, waiting
 * for the reply"). Pure: the same event and diagram give the same line. A retried request
 * or a redelivery says which attempt it is, as the engine numbered it (Hop.attempt).
 */
export function describeEvent(e: SimEvent, d: Diagram, seq: number): LogEntry {
  const label = (id: string) => nodeLabel(d, id)
  if (e.type === 'replica') {
    const what = e.state === 'crashed' ? 'crashed' : e.state === 'restarting' ? 'restarting' : 'is up again'
    return entry(seq, e.at, `${label(e.node)}, replica ${e.replica}: ${what}`, [e.node], null, 'node', e.state === 'crashed' ? 'error' : 'info')
  }
  if (e.type === 'fault') {
    const f = e.fault
    const nodes = 'node' in f ? [f.node] : linkEnds(d, f.link)
    return entry(seq, e.at, `Fault: ${describeFault(f, d)}`, nodes, 'link' in f ? f.link : null, 'fault', 'info')
  }
  if (e.type === 'timeout') {
    const link = d.links.find((l) => l.id === e.link)
    const words = link?.kind === 'async' ? `gave up polling after the ${spanWords(link.settings.deadlineMs)} deadline` : `timed out: no reply within ${link ? spanWords(link.settings.timeoutMs) : '?'}`
    const nodes = link ? [link.source, link.target] : []
    const reason = link?.kind === 'async' ? 'deadline' : 'timeout'
    return { ...entry(seq, e.at, `${label(nodes[0] ?? '?')} → ${label(nodes[1] ?? '?')}: ${words}`, nodes, e.link, link?.kind ?? 'sync', 'error'), requestId: e.requestId, correlationId: e.correlationId, reason }
  }
  if (e.type === 'ackTimeout') return ackTimeoutEntry(e, d, seq, label)
  if (e.type === 'deadLetter') {
    const link = e.link === null ? undefined : d.links.find((l) => l.id === e.link)
    const to = link ? ` (for ${label(link.target)})` : ''
    const times = e.deliveries === 1 ? 'its first delivery' : `${e.deliveries} deliveries`
    const entryKind = d.nodes.find((n) => n.id === e.node)?.kind === 'topic' ? 'event' : 'message'
    const why = e.mismatch && link ? `: it is “${e.mismatch.sent}”, ${label(link.target)} expects “${e.mismatch.expected}”` : ''
    return { ...entry(seq, e.at, `${label(e.node)}: ${entryKind} ${e.correlationId} dead-lettered after ${times}${to}${why}`, link ? [e.node, link.target] : [e.node], e.link, entryKind, 'error'), correlationId: e.correlationId }
  }
  const h = e.hop
  const link = d.links.find((l) => l.id === h.link)
  const [from, to] = link ? (h.direction === 'forward' ? [link.source, link.target] : [link.target, link.source]) : ['?', '?']
  const route = `${label(from)} → ${label(to)}`
  const pattern = link?.kind ?? 'sync'
  // a message is named by its client operation: deliveries and acks are records of their own
  // a message names the contract it was sent with, which a fault may have changed
  const contract = link && h.carries === 'message' ? linkContractAt(d, link, h.depart) : ''
  // what a broker hands out is an event when it comes from a topic
  const noun = link && d.nodes.find((n) => n.id === link.source)?.kind === 'topic' ? 'event' : 'message'
  const { words, outcome } = hopWords(h, link, contract, noun, label, d.links)
  const line: LogEntry = { ...entry(seq, h.depart, `${route}: ${words}`, [from, to], h.link, pattern, outcome), requestId: h.requestId, correlationId: h.correlationId }
  // only an error or a nack carries a reason
  if (h.reason !== undefined) line.reason = h.reason
  return line
}

function hopWords(h: Hop, link: DiagramLink | undefined, contract: string, noun: 'message' | 'event', label: (id: string) => string, links: Diagram['links']): { words: string; outcome: LogEntry['outcome'] } {
  const attempt = h.attempt ?? 1
  const id = h.correlationId
  // an error or nack travels back: the node answering it is the link's target
  const answering = link?.target ?? ''
  switch (h.carries) {
    case 'request':
      if (link?.kind === 'async') return { words: 'POST, start a job', outcome: 'info' }
      return attempt > 1 ? { words: `POST, waiting for the reply (retry, attempt ${attempt})`, outcome: 'retry' } : { words: 'POST, waiting for the reply', outcome: 'info' }
    case 'reply':
      return { words: '200 OK', outcome: 'ok' }
    case 'error':
      return { words: errorWords(h, answering, label, callsDirectly(links, answering, h.origin)), outcome: 'error' }
    case 'accepted':
      return { words: '202 Accepted, with a status URL to poll', outcome: 'ok' }
    case 'poll':
      return { words: 'GET status (poll)', outcome: 'info' }
    case 'status':
      return { words: 'status answer', outcome: 'info' }
    case 'message':
      return { words: `message ${id} sent${contract ? ` (${contract})` : ''}`, outcome: 'info' }
    case 'event':
      return { words: `event ${id} published${link?.settings.eventName ? ` (${link.settings.eventName})` : ''}`, outcome: 'info' }
    case 'brokerAck':
      return { words: 'stored by the broker', outcome: 'ok' }
    case 'delivery':
      // a redelivery is the broker doing its job, not a failure: what failed shows as the
      // nack, the consumer's crash or the ack timeout before it
      return attempt > 1 ? { words: `${noun} ${id} redelivered, attempt ${attempt}`, outcome: 'retry' } : { words: `${noun} ${id} delivered`, outcome: 'info' }
    case 'ack':
      return { words: `ack, ${noun} ${id} done`, outcome: 'ok' }
    case 'nack':
      // refused at the door (its contract), or taken and failed (in its own work or a call it made)
      return { words: `${noun} ${id} ${nackWords(h, answering, label)}`, outcome: 'error' }
    default:
      return { words: h.carries, outcome: 'info' }
  }
}

/** The broker stopped waiting for a consumer's ack: an error line with the reason
 * 'timeout', so that the log's Timeouts filter keeps it beside the sync calls' timeouts. */
function ackTimeoutEntry(e: Extract<SimEvent, { type: 'ackTimeout' }>, d: Diagram, seq: number, label: (id: string) => string): LogEntry {
  const broker = d.nodes.find((n) => n.id === e.node)
  const consumer = d.links.find((l) => l.id === e.link)?.target
  const noun = broker?.kind === 'topic' ? 'event' : 'message'
  const within = broker && (broker.kind === 'queue' || broker.kind === 'topic') ? `within ${spanWords(broker.settings.ackTimeoutMs)}` : 'in time'
  // a redelivery waits for a consumer with a free worker, which may be the one still busy with it
  const then = e.redeliver ? `back in the ${broker?.kind === 'topic' ? 'subscription' : 'queue'} for redelivery` : `no delivery left (${e.deliveries} made)`
  const text = `${label(e.node)}: ack timeout: ${consumer ? label(consumer) : 'the consumer'} did not acknowledge ${noun} ${e.correlationId} ${within}; ${then}`
  const nodes = consumer ? [e.node, consumer] : [e.node]
  return { ...entry(seq, e.at, text, nodes, e.link, noun, 'error'), requestId: e.requestId, correlationId: e.correlationId, reason: 'timeout' }
}

/**
 * A duration as people say it, one rule for the log, the trace and the sequence diagram:
 * "250 ms", "0.4 ms", "2 s", "1.5 s", "1.214 s". From a second, in seconds to the
 * millisecond, the precision of the instants beside it ("12.345 s", formatSimTime), so a
 * span reads as the difference of the two times it lies between; below a second, in
 * milliseconds to a tenth, so a wait on a zero-latency link does not read as "0 ms".
 */
export function spanWords(ms: number): string {
  const tenths = Math.round(ms * 10) / 10
  if (tenths < 1000) return `${tenths} ms`
  return `${Number((ms / 1000).toFixed(3))} s`
}

function linkEnds(d: Diagram, id: string): string[] {
  const l = d.links.find((x) => x.id === id)
  return l ? [l.source, l.target] : []
}

function entry(seq: number, at: number, text: string, nodes: readonly string[], link: string | null, pattern: LogEntry['pattern'], outcome: LogEntry['outcome']): LogEntry {
  return { seq, at, text, nodes, link, pattern, outcome, requestId: 0, correlationId: 0 }
}
