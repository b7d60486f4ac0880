import type { Engine } from './engine'
import { EV_ARRIVE, EV_REPLY } from './events'
import { AT_CALLING, AT_DEAD_LETTERED, AT_DELIVERING, AT_PROCESSING, AT_QUEUED, AT_READY, AT_REPLYING, AT_TRAVELLING, K_DELIVER, PLACES } from './records'
import type { Msg, Req } from './world'

const NP = PLACES.length

export interface Census {
  /** live records by node and place: index node · PLACES.length + place */
  readonly live: Float64Array
  /** records whose own place disagrees with the structure that holds them */
  readonly problems: string[]
}

/**
 * Live records counted where they actually are: replica queues and workers, events in
 * flight on links, broker subscriptions (messages by their counts: ready, held, dead-
 * lettered). A client's operations wait in no structure of their own, so a client's are
 * its created minus its ended. For reports, queues and ready messages count by their
 * sizes, so a chart sample stays cheap beside a backlog of a million messages; for an
 * audit (`check`), every record the walk meets has its own place mark checked too. Never
 * for the loop.
 */
export function census(e: Engine, check = false): Census {
  const nodes = e.world.nodes
  const live = new Float64Array(nodes.length * NP)
  const problems: string[] = []
  const add = (node: number, place: number) => {
    live[node * NP + place] = (live[node * NP + place] as number) + 1
  }
  // a message is counted from its subscription's numbers; where its delivery is found
  // still awaited (on a link or at the consumer), the message must say it is delivering
  const delivery = (r: Req) => {
    const msg = r.kind === K_DELIVER ? (r.waiter as Msg | null) : null
    if (msg !== null && msg.place !== AT_DELIVERING) problems.push(`${msg.sub.broker.id}: message ${msg.id} is being delivered but marked ${PLACES[msg.place]}`)
  }
  for (const n of nodes) {
    if (n.isClient) live[n.index * NP + AT_CALLING] = e.ledger.live(n.index)
    for (const rep of n.replicas) {
      live[n.index * NP + AT_QUEUED] = (live[n.index * NP + AT_QUEUED] as number) + rep.queue.size
      for (let i = 0; check && i < rep.queue.size; i++) {
        const job = rep.queue.at(i) as Req
        if (job.place !== AT_QUEUED) problems.push(`${n.id}: job ${job.id} waits in a queue but is ${PLACES[job.place]}`)
        delivery(job)
      }
      // at most the workers: walked even for reports, as the record tells processing from calling
      for (const job of rep.active) {
        if (check) {
          if (job.place !== AT_PROCESSING && job.place !== AT_CALLING) problems.push(`${n.id}: job ${job.id} holds a worker but is ${PLACES[job.place]}`)
          delivery(job)
        }
        add(n.index, job.place === AT_CALLING ? AT_CALLING : AT_PROCESSING)
      }
      if (rep.busy !== rep.active.length) problems.push(`${n.id} replica ${rep.index + 1}: ${rep.busy} busy workers but ${rep.active.length} jobs hold one`)
      if (rep.busy > n.workers) problems.push(`${n.id} replica ${rep.index + 1}: ${rep.busy} busy workers of ${n.workers}`)
    }
    for (const s of n.subs) {
      live[n.index * NP + AT_READY] = (live[n.index * NP + AT_READY] as number) + s.ready.size
      for (let i = 0; check && i < s.ready.size; i++) {
        const msg = s.ready.at(i)
        if (msg !== undefined && msg.place !== AT_READY) problems.push(`${n.id}: message ${msg.id} is ready but marked ${PLACES[msg.place]}`)
      }
      live[n.index * NP + AT_DEAD_LETTERED] = (live[n.index * NP + AT_DEAD_LETTERED] as number) + s.deadLettered
      const delivering = s.held - s.ready.size
      if (delivering < 0) problems.push(`${n.id}: ${s.held} messages held but ${s.ready.size} ready`)
      live[n.index * NP + AT_DELIVERING] = (live[n.index * NP + AT_DELIVERING] as number) + delivering
    }
  }
  e.s.forEachPending((type, ref) => {
    if (type !== EV_ARRIVE && type !== EV_REPLY) return
    const r = ref as Req
    const place = type === EV_ARRIVE ? AT_TRAVELLING : AT_REPLYING
    if (check) {
      if (r.place !== place) problems.push(`${r.owner.id}: record ${r.id} is on a link but marked ${PLACES[r.place]}`)
      if (type === EV_ARRIVE) delivery(r)
    }
    add(r.owner.index, place)
  })
  return { live, problems }
}

/** Live records of one node at one place, from a census. */
export function liveAt(c: Census, node: number, place: number): number {
  return c.live[node * NP + place] as number
}
