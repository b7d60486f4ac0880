import type { Fault } from '../../model/faults'
import { linkRole } from '../../model/rules'
import type { Diagram } from '../../model/types'
import type { SimSnapshot } from '../../sim/types'

export type LiveFault = Fault extends infer F ? (F extends unknown ? Omit<F, 'at'> : never) : never

export interface FaultChoice {
  /** what the menu item or button says */
  label: string
  fault: LiveFault
  /** a menu item that makes things worse is drawn in red */
  harmful: boolean
}

/** Added to a link's latency by "Slow this link", ms. */
export const SLOW_LINK_MS = 200
/** The error rate "Raise the error rate" sets, percent. */
export const RAISED_ERROR_RATE = 50

/**
 * The faults one can inject now into a node or a link, in the order a menu shows them.
 * Pure. `detached` says which consumer links are detached at this instant, so a detached
 * one offers "Attach" and not "Detach".
 */
export function faultChoices(
  d: Diagram,
  target: { node: string } | { link: string },
  detached: ReadonlySet<string> = new Set(),
  /** each replica's state now (replica 1 first), when the run knows it: only what can happen is offered */
  replicas?: readonly ('up' | 'crashed' | 'restarting')[],
): FaultChoice[] {
  if ('node' in target) {
    const node = d.nodes.find((n) => n.id === target.node)
    if (!node || (node.kind !== 'service' && node.kind !== 'database')) return []
    const s = node.settings
    const up = (r: number) => !replicas || replicas[r - 1] === undefined || replicas[r - 1] === 'up'
    const anyUp = !replicas || replicas.some((x) => x === 'up')
    const anyDown = !replicas || replicas.some((x) => x !== 'up')
    const out: FaultChoice[] = []
    if (anyUp) out.push({ label: `Crash ${node.label}`, fault: { action: 'crash', node: node.id }, harmful: true })
    if (anyDown) out.push({ label: `Restart ${node.label}`, fault: { action: 'restart', node: node.id }, harmful: false })
    if (s.replicas > 1) {
      for (let r = 1; r <= Math.min(s.replicas, 8); r++) if (up(r)) out.push({ label: `Crash replica ${r}`, fault: { action: 'crash', node: node.id, replica: r }, harmful: true })
    }
    out.push(
      s.errorRate < RAISED_ERROR_RATE
        ? { label: `Raise the error rate to ${RAISED_ERROR_RATE} %`, fault: { action: 'errorRate', node: node.id, errorRate: RAISED_ERROR_RATE }, harmful: true }
        : { label: 'Set the error rate to 0 %', fault: { action: 'errorRate', node: node.id, errorRate: 0 }, harmful: false },
    )
    return out
  }
  const link = d.links.find((l) => l.id === target.link)
  if (!link) return []
  if (linkRole(d, link) === 'consume') {
    return detached.has(link.id)
      ? [{ label: 'Attach this consumer again', fault: { action: 'attach', link: link.id }, harmful: false }]
      : [{ label: 'Detach this consumer', fault: { action: 'detach', link: link.id }, harmful: true }]
  }
  return [
    { label: `Slow this link by ${SLOW_LINK_MS} ms`, fault: { action: 'latency', link: link.id, addMs: SLOW_LINK_MS }, harmful: true },
    { label: 'Restore its latency', fault: { action: 'latency', link: link.id, addMs: 0 }, harmful: false },
  ]
}

/** Consumer links detached at `time` by the timeline (the last detach/attach at or before it wins). */
export function detachedAt(faults: readonly Fault[], time: number): Set<string> {
  const out = new Set<string>()
  for (const f of faults) {
    if (f.at > time) break
    if (f.action === 'detach') out.add(f.link)
    if (f.action === 'attach') out.delete(f.link)
  }
  return out
}

/** A node's replica states in the snapshot as one string ("up,crashed"), so a selector re-renders only when they change; '' when unknown. */
export function replicaStates(snapshot: SimSnapshot, node: string | null): string {
  if (node === null) return ''
  return snapshot.nodes.find((n) => n.id === node)?.replicas.map((r) => r.state).join(',') ?? ''
}
