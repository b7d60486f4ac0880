import type { Fault } from './faults'
import type { DiagramLink, DiagramNode, LinkRole } from './types'

const ms = (v: number) => (v >= 10_000 ? `${+(v / 1000).toFixed(1)} s` : `${+v.toFixed(1)} ms`)

/**
 * What the fault timeline has changed about a service or database at `time`, in words for
 * its node ("service time 1.5 s", "errors 50 %"); '' when it runs as its settings say. A
 * change back to the setting ("Restore the service time") is no change. Pure. It reads
 * only this node's two faults rather than building the whole timelineAt() state: every
 * node's live row asks it on every run update.
 */
export function nodeChangesAt(node: DiagramNode, faults: readonly Fault[] | undefined, time: number): string {
  if ((node.kind !== 'service' && node.kind !== 'database') || !faults || faults.length === 0) return ''
  let timeMs = node.settings.timeMs
  let errorRate = node.settings.errorRate
  for (const f of faults) {
    if (f.at > time) break
    if (f.action === 'serviceTime' && f.node === node.id) timeMs = f.timeMs
    else if (f.action === 'errorRate' && f.node === node.id) errorRate = f.errorRate
  }
  const words: string[] = []
  if (timeMs !== node.settings.timeMs) words.push(`service time ${ms(timeMs)}`)
  if (errorRate !== node.settings.errorRate) words.push(`errors ${+errorRate.toFixed(1)} %`)
  return words.join(' · ')
}

/** The one line under a node's label: its key settings at a glance. Pure. */
export function nodeSummary(node: DiagramNode): string {
  switch (node.kind) {
    case 'client': {
      const s = node.settings
      const base = `${+s.rate.toFixed(2)} req/s · ${s.arrivals}`
      return s.burstSize > 0 ? `${base} · burst ${s.burstSize}/${+s.burstEverySec.toFixed(1)} s` : base
    }
    case 'service':
    case 'database': {
      const s = node.settings
      const parts = [`${s.replicas} × ${s.workers} workers`, ms(s.timeMs)]
      if (s.errorRate > 0) parts.push(`${+s.errorRate.toFixed(2)} % err`)
      return parts.join(' · ')
    }
    case 'queue':
      return `cap ${node.settings.capacity} · ${node.settings.maxDeliveries} tries`
    case 'topic':
      return `cap ${node.settings.capacity}/sub · ${node.settings.maxDeliveries} tries`
  }
}

/** The short text drawn on a link, so its kind reads without colour. */
export function linkBadge(link: DiagramLink, role: LinkRole): string {
  const p = link.settings.probability < 100 && role !== 'consume' ? ` · ${+link.settings.probability.toFixed(1)}%` : ''
  switch (link.kind) {
    case 'sync':
      return `HTTP${p}`
    case 'async':
      return `HTTP 202 + poll${p}`
    case 'message':
      return role === 'consume' ? `✉ ${link.settings.contract}` : `✉ ${link.settings.contract}${p}`
    case 'event':
      return role === 'consume' ? (link.settings.filter ? `⚡ ${link.settings.filter}` : '⚡ all events') : `⚡ ${link.settings.eventName}${p}`
  }
}
