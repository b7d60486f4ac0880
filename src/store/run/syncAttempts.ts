import type { Diagram } from '../../model/types'
import type { SimEvent } from '../../sim/types'

/** Past this many remembered requests the memory starts again: a request whose caller went
 * away (a crash) is never answered, and a long run must not keep it for ever. */
const REMEMBER_LIMIT = 50_000

/**
 * Which attempt of a synchronous call each request is, worked out from the events the log
 * hears, since a request hop does not carry its attempt: an attempt that failed (an error
 * answer, or the caller's timeout) with retries left on its link is followed by the next
 * attempt on the same link for the same operation. A failure heard twice (a timed-out
 * attempt's late answer) counts once. Two calls on one link in one operation at once (a
 * diamond of calls) could swap their numbers; each line still says whether it is a retry.
 * For the event log's "retry, attempt 2". Pure apart from its own memory.
 */
export function createSyncAttempts(diagram: Diagram): (e: SimEvent) => number {
  const retries = new Map(diagram.links.filter((l) => l.kind === 'sync' && l.settings.retries > 0).map((l) => [l.id, l.settings.retries]))
  /** per request on a link with retries, waiting for its answer: its attempt number */
  let attemptOf = new Map<number, number>()
  /** per link and operation: the numbers of failed attempts whose retry has not been sent */
  let failed = new Map<string, number[]>()

  const fail = (link: string, correlationId: number, requestId: number) => {
    const n = attemptOf.get(requestId)
    if (n === undefined) return
    attemptOf.delete(requestId)
    // the last attempt failed: the call fails, nothing follows
    if (n > (retries.get(link) ?? 0)) return
    const key = `${link}:${correlationId}`
    failed.set(key, [...(failed.get(key) ?? []), n])
  }

  return (e) => {
    if (e.type === 'timeout') {
      if (retries.has(e.link)) fail(e.link, e.correlationId, e.requestId)
      return 1
    }
    if (e.type !== 'hop' || !retries.has(e.hop.link)) return 1
    const h = e.hop
    if (h.carries === 'request' && h.direction === 'forward') {
      const key = `${h.link}:${h.correlationId}`
      const waiting = failed.get(key)
      const previous = waiting?.shift()
      if (waiting?.length === 0) failed.delete(key)
      const n = previous === undefined ? 1 : previous + 1
      if (attemptOf.size >= REMEMBER_LIMIT) {
        attemptOf = new Map()
        failed = new Map()
      }
      attemptOf.set(h.requestId, n)
      return n
    }
    if (h.carries === 'error') fail(h.link, h.correlationId, h.requestId)
    else if (h.carries === 'reply') attemptOf.delete(h.requestId)
    return 1
  }
}
