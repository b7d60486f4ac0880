import type { Engine } from './engine'
import { EV_ARRIVE, EV_REPLY } from './events'
import { AT_CALLING, AT_DEAD_LETTERED, AT_DELIVERING, AT_PROCESSING, AT_QUEUED, AT_READY, AT_REPLYING, AT_TRAVELLING, PLACES, type PlaceName } from './records'
import type { AuditReport } from './types'
import type { Req } from './world'

/**
 * Conservation checked the hard way: count records where they actually are (replica
 * queues, workers, events in flight on links, broker queues) and compare with the
 * ledger, which only counts moves. A record the engine forgot to move, or moved twice,
 * shows up here. For tests; walks everything.
 */
export function audit(e: Engine): AuditReport {
  const nodes = e.world.nodes
  const found = nodes.map(() => new Float64Array(PLACES.length))
  const problems: string[] = []
  const add = (node: number, place: number) => {
    const f = found[node] as Float64Array
    f[place] = (f[place] as number) + 1
  }
  for (const n of nodes) {
    for (const rep of n.replicas) {
      // where the structure holds a record decides its place, not the record's own field
      for (let i = 0; i < rep.queue.size; i++) add(n.index, AT_QUEUED)
      for (const job of rep.active) {
        // a worker is held while processing and while calling out: the walk cannot tell
        // the two apart, so it checks the sum below and the record's field here
        add(n.index, AT_PROCESSING)
        if (job.place !== AT_PROCESSING && job.place !== AT_CALLING) problems.push(`${n.id}: job ${job.id} holds a worker but is ${PLACES[job.place]}`)
      }
      if (rep.busy !== rep.active.length) problems.push(`${n.id} replica ${rep.index + 1}: ${rep.busy} busy workers but ${rep.active.length} jobs hold one`)
      if (rep.busy > n.workers) problems.push(`${n.id} replica ${rep.index + 1}: ${rep.busy} busy workers of ${n.workers}`)
    }
    for (const s of n.subs) {
      for (let i = 0; i < s.ready.size; i++) add(n.index, AT_READY)
      for (let i = 0; i < s.deadLettered; i++) add(n.index, AT_DEAD_LETTERED)
      for (let i = 0; i < s.held - s.ready.size; i++) add(n.index, AT_DELIVERING)
    }
  }
  e.s.forEachPending((type, ref) => {
    if (type === EV_ARRIVE) add((ref as Req).owner.index, AT_TRAVELLING)
    else if (type === EV_REPLY) add((ref as Req).owner.index, AT_REPLYING)
  })
  const out: AuditReport = { found: {}, ledger: {}, problems }
  const checked = [AT_TRAVELLING, AT_QUEUED, AT_PROCESSING, AT_REPLYING, AT_READY, AT_DELIVERING, AT_DEAD_LETTERED]
  for (const n of nodes) {
    const f: Partial<Record<PlaceName, number>> = {}
    const l: Partial<Record<PlaceName, number>> = {}
    // a client's operations wait in no structure of their own, and a server's calling jobs
    // are counted with its processing ones
    const places = checked
    for (const p of places) {
      const a = (found[n.index] as Float64Array)[p] as number
      // processing in the walk stands for every job holding a worker
      const b = p === AT_PROCESSING && !n.isClient ? e.ledger.liveAt(n.index, AT_PROCESSING) + e.ledger.liveAt(n.index, AT_CALLING) : e.ledger.liveAt(n.index, p)
      if (a !== 0) f[(p === AT_PROCESSING ? 'processing' : PLACES[p]) as PlaceName] = a
      if (b !== 0) l[PLACES[p] as PlaceName] = b
      if (a !== b) problems.push(`${n.id}: ${PLACES[p]} found ${a}, ledger ${b}`)
    }
    let live = 0
    for (let p = 0; p < PLACES.length; p++) {
      const v = e.ledger.liveAt(n.index, p)
      if (v < 0) problems.push(`${n.id}: negative count ${v} ${PLACES[p]}`)
      live += v
    }
    let ended = 0
    for (let o = 0; o < 6; o++) ended += e.ledger.endedAs(n.index, o)
    const created = e.ledger.created[n.index] as number
    if (created !== ended + live) problems.push(`${n.id}: created ${created} ≠ ended ${ended} + in flight ${live}`)
    out.found[n.id] = f
    out.ledger[n.id] = l
  }
  return out
}
