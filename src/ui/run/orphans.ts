import type { Diagram } from '../../model/types'
import type { Hop } from '../../sim/types'
import { answerOf, JOB_ANSWERS } from './answers'

/**
 * Calls whose caller went away because its replica crashed, read from the hops. Pure.
 *
 * A crash throws out the jobs of the crashed replica: each answers its own caller at once
 * with an error (or a nack) whose reason is `crashed` and whose origin is the crashed node
 * itself. A call such a job was waiting on (a sync request, a publish waiting for the
 * broker's ack, an async call's submit or poll) is abandoned by the engine: its answer,
 * arriving later, is dropped. The hops tell which
 * job made a call only when it was the operation's one job in that node at the time (or
 * every job there was thrown out by the same crash); otherwise nothing is marked.
 */
export interface Orphan {
  /** the request or publish whose caller went away */
  call: Hop
  /** the instant the caller's job was thrown out */
  crashedAt: number
  /** the node that crashed: the caller */
  caller: string
}

const JOB_CARRIES: readonly Hop['carries'][] = ['request', 'delivery']
const CALL_CARRIES: readonly Hop['carries'][] = ['request', 'poll', 'message', 'event']

export function crashOrphans(journey: readonly Hop[], d: Diagram, now: number): Orphan[] {
  const seen = journey.filter((h) => h.depart <= now)
  const links = new Map(d.links.map((l) => [l.id, l]))
  const crashAnswer = (h: Hop, node: string) => {
    const a = answerOf(seen, h, JOB_ANSWERS)
    return a !== undefined && a.reason === 'crashed' && a.origin === node ? a : undefined
  }
  const orphans: Orphan[] = []
  for (const call of seen) {
    const link = links.get(call.link)
    if (!link || call.direction !== 'forward' || !CALL_CARRIES.includes(call.carries)) continue
    const caller = link.source
    // the jobs of the operation in the caller when it made the call
    const present = seen.filter((j) => {
      if (j.direction !== 'forward' || links.get(j.link)?.target !== caller || !JOB_CARRIES.includes(j.carries) || j.arrive > call.depart) return false
      if (links.get(j.link)?.kind === 'async') return true
      const a = answerOf(seen, j, JOB_ANSWERS)
      return a === undefined || a.depart >= call.depart
    })
    if (present.length === 0) continue
    const crashes = present.map((j) => crashAnswer(j, caller))
    const first = crashes[0]
    // every one thrown out by the same crash: whichever made the call, it is gone
    if (first === undefined || crashes.some((c) => c === undefined || c.depart !== first.depart)) continue
    orphans.push({ call, crashedAt: first.depart, caller })
  }
  return orphans
}

/** The answers that came back after their caller had crashed: the engine drops them. An
 * answer arriving on the very instant of the crash is left unmarked (which came first is
 * not in the hops). */
export function answersAfterCrash(journey: readonly Hop[], orphans: readonly Orphan[]): Map<Hop, Orphan> {
  const out = new Map<Hop, Orphan>()
  for (const o of orphans) {
    for (const a of journey) {
      if (a.direction === 'back' && a.link === o.call.link && a.requestId === o.call.requestId && a.arrive > o.crashedAt) out.set(a, o)
    }
  }
  return out
}
