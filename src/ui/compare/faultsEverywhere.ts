import { liveFaultTime } from '../../model/faults'
import type { Diagram } from '../../model/types'
import { type FaultChoice, faultsBy, type LiveFault, offeredNow, offeredReplicaStates, type RunReplicaView, SLOW_SERVICE_FACTOR } from '../run/faultChoices'

/**
 * The same fault in every compared design at once: "crash Payment" in the synchronous, the
 * queued and the event-driven design, so their answers to one outage stand side by side.
 * Designs are matched by what a person sees, the node's name (their ids may differ), and
 * a fault by what it does (its action, and which replica), each design offering it in its
 * own terms (a design's own "5× its service time"). Pure.
 */

/** One compared design as the faults see it: its diagram and its run now. */
export interface ComparedRun {
  diagram: Diagram
  run: RunReplicaView
}

/** A service or database by name, and in how many of the designs there is one so named. */
export interface FaultTarget {
  label: string
  count: number
}

/** What the control offers for one name: a button, and the fault it sends to each design (null where it has no such node or cannot take it now). */
export interface SharedChoice {
  label: string
  harmful: boolean
  faults: (LiveFault | null)[]
}

const canFail = (kind: string) => kind === 'service' || kind === 'database'

/** Every service and database name of the designs, in the order they first appear. */
export function faultTargets(diagrams: readonly Diagram[]): FaultTarget[] {
  const counts = new Map<string, number>()
  for (const d of diagrams) {
    const names = new Set(d.nodes.filter((n) => canFail(n.kind)).map((n) => n.label))
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return [...counts].map(([label, count]) => ({ label, count }))
}

/** The faults a design's node offers now (as its inspector would), or null without such a node. */
function choicesIn(c: ComparedRun, label: string): FaultChoice[] | null {
  const node = c.diagram.nodes.find((n) => n.label === label && canFail(n.kind))
  if (!node) return null
  const applied = faultsBy(c.run.faults, liveFaultTime(c.run.time))
  return offeredNow(c.diagram, { node: node.id }, c.run.faults, applied, offeredReplicaStates(c.run, c.diagram, node.id)).choices
}

/** Two choices do the same thing: the same action, on the same replica, making things
 * worse or better alike (raising the error rate or setting it to 0, slowing or restoring). */
function sameKind(a: FaultChoice, b: FaultChoice): boolean {
  if (a.fault.action !== b.fault.action || a.harmful !== b.harmful) return false
  const ra = 'replica' in a.fault ? a.fault.replica : undefined
  const rb = 'replica' in b.fault ? b.fault.replica : undefined
  return ra === rb
}

/**
 * The faults offered for `label` across the designs: every kind any of them offers, once,
 * in the order the first offering it lists it. Where designs word one alike the label is
 * theirs; where they differ (each slows its own service time), it says what it does.
 */
export function sharedChoices(designs: readonly ComparedRun[], label: string): SharedChoice[] {
  const each = designs.map((d) => choicesIn(d, label))
  const out: { kind: FaultChoice; shared: SharedChoice }[] = []
  for (const own of each) {
    for (const c of own ?? []) {
      if (out.some((o) => sameKind(o.kind, c))) continue
      const matches = each.map((cs) => cs?.find((x) => sameKind(x, c)) ?? null)
      const labels = new Set(matches.filter((m) => m !== null).map((m) => m.label))
      const wording = labels.size === 1 ? c.label : c.fault.action === 'serviceTime' ? (c.harmful ? `Slow ${label} to ${SLOW_SERVICE_FACTOR}× its service time` : `Restore ${label}’s service time`) : c.label
      out.push({ kind: c, shared: { label: wording, harmful: c.harmful, faults: matches.map((m) => m?.fault ?? null) } })
    }
  }
  return out.map((o) => o.shared)
}
