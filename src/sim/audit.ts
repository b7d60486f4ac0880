import { census, liveAt } from './census'
import type { Engine } from './engine'
import { PLACES, type PlaceName } from './records'
import type { AuditReport } from './types'

/**
 * Conservation checked the hard way: count records where they actually are (census.ts:
 * replica queues, workers, events in flight on links, broker queues) and compare with
 * what the ledger says was created and ended. A record the engine lost, ended twice or
 * left marked with the wrong place shows up here. For tests; walks everything.
 */
export function audit(e: Engine): AuditReport {
  const c = census(e, true)
  const problems = [...c.problems]
  const out: AuditReport = { found: {}, ledger: {}, problems }
  for (const n of e.world.nodes) {
    const found: Partial<Record<PlaceName, number>> = {}
    let live = 0
    for (let p = 0; p < PLACES.length; p++) {
      const v = liveAt(c, n.index, p)
      if (v < 0) problems.push(`${n.id}: negative count ${v} ${PLACES[p]}`)
      if (v !== 0) found[PLACES[p] as PlaceName] = v
      live += v
    }
    const created = e.ledger.created[n.index] as number
    const ended = e.ledger.endedTotal(n.index)
    if (created !== ended + live) problems.push(`${n.id}: created ${created} ≠ ended ${ended} + found ${live}`)
    out.found[n.id] = found
    out.ledger[n.id] = { created, ended }
  }
  return out
}
