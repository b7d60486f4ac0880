import { err, ok, type Result } from '../lib/result'
import type { Diagram, DiagramLink, LinkKind, LinkRole, NodeKind } from './types'

const isBroker = (k: NodeKind) => k === 'queue' || k === 'topic'

/** A node's label for messages, or its id when it is gone. */
export function nodeLabel(diagram: Diagram, id: string): string {
  return diagram.nodes.find((n) => n.id === id)?.label ?? id
}

/**
 * The link kinds that may join a node of kind `from` to one of kind `to`, default first,
 * or the reason nothing may. The reasons are shown to the user as they are.
 */
export function allowedKinds(from: NodeKind, to: NodeKind): Result<readonly LinkKind[]> {
  if (to === 'client') return err('Nothing calls a client: a client only sends requests.')
  if (from === 'database') return err('A database calls nobody: it only answers requests.')
  if (isBroker(from) && isBroker(to)) {
    return err(`A ${from} cannot feed a ${to} directly: put a service between them to consume and re-send.`)
  }
  if (isBroker(from) && to === 'database') {
    return err(`A database cannot consume from a ${from}: let a service consume and write to the database.`)
  }
  if (from === 'queue') return ok(['message'])
  if (from === 'topic') return ok(['event'])
  // from is a client or a service
  if (to === 'queue') return ok(['message'])
  if (to === 'topic') return ok(['event'])
  if (to === 'database') return ok(['sync'])
  return ok(['sync', 'async'])
}

/** Whether `source → target` may be added to the diagram, and with which kind by default. */
export function checkConnection(diagram: Diagram, sourceId: string, targetId: string): Result<LinkKind> {
  if (sourceId === targetId) return err('A node cannot link to itself.')
  const source = diagram.nodes.find((n) => n.id === sourceId)
  const target = diagram.nodes.find((n) => n.id === targetId)
  if (!source || !target) return err('That node no longer exists.')
  const kinds = allowedKinds(source.kind, target.kind)
  if (!kinds.ok) return kinds
  if (diagram.links.some((l) => l.source === sourceId && l.target === targetId)) {
    return err(`${source.label} is already linked to ${target.label}.`)
  }
  return ok(kinds.value[0] as LinkKind)
}

/** Whether a link calls, publishes into a broker or consumes from one. */
export function linkRole(diagram: Diagram, link: DiagramLink): LinkRole {
  const source = diagram.nodes.find((n) => n.id === link.source)
  if (source && isBroker(source.kind)) return 'consume'
  const target = diagram.nodes.find((n) => n.id === link.target)
  if (target && isBroker(target.kind)) return 'publish'
  return 'call'
}

export const LINK_KIND_NAMES: Record<LinkKind, string> = {
  sync: 'Synchronous HTTP',
  async: 'Asynchronous HTTP (202 + polling)',
  message: 'Message',
  event: 'Event',
}

/** A link's description in words, e.g. "Message from Orders to Jobs". */
export function describeLink(diagram: Diagram, link: DiagramLink): string {
  const label = (id: string) => nodeLabel(diagram, id)
  const role = linkRole(diagram, link)
  const name =
    link.kind === 'message' && role === 'consume'
      ? 'Message delivery'
      : link.kind === 'event' && role === 'consume'
        ? 'Event subscription'
        : LINK_KIND_NAMES[link.kind]
  return `${name} from ${label(link.source)} to ${label(link.target)}`
}

/** What the editor says after a link is made, the same however it was made. */
export function linkedMessage(diagram: Diagram, link: DiagramLink): string {
  const label = (id: string) => nodeLabel(diagram, id)
  return `Linked ${label(link.source)} to ${label(link.target)}: ${LINK_KIND_NAMES[link.kind]}.`
}

/** A message link's other side of its queue: the consumers' links for a producer's, the
 * producers' links for a consumer's. Pure. */
export function otherSide(diagram: Diagram, link: DiagramLink): DiagramLink[] {
  if (link.kind !== 'message') return []
  const consumer = linkRole(diagram, link) === 'consume'
  const queue = consumer ? link.source : link.target
  return diagram.links.filter((l) => l.kind === 'message' && l !== link && (consumer ? l.target === queue : l.source === queue))
}

/**
 * Sender and receiver must agree on a message's structure: a consumer that expects a
 * different contract than a producer of its queue sends. Said in words, or null. Pure.
 */
export function contractMismatch(diagram: Diagram, link: DiagramLink): string | null {
  if (link.kind !== 'message') return null
  const role = linkRole(diagram, link)
  const label = (id: string) => nodeLabel(diagram, id)
  const differing = otherSide(diagram, link).find((l) => l.settings.contract !== link.settings.contract)
  if (!differing) return null
  return role === 'consume'
    ? `${label(differing.source)} sends “${differing.settings.contract}” but ${label(link.target)} expects “${link.settings.contract}”: those messages will be dead-lettered.`
    : `${label(differing.target)} expects “${differing.settings.contract}” but ${label(link.source)} sends “${link.settings.contract}”: those messages will be dead-lettered.`
}

/**
 * The cycle of synchronous calls this link closes, as node labels from its caller round
 * to it again (["A", "B", "A"]), or null. Such a cycle is allowed, but every worker on it
 * can end up holding its request while waiting on the next one: a distributed deadlock,
 * where every call times out. Pure; a breadth-first search over sync links, O(links).
 */
export function syncCycle(diagram: Diagram, link: DiagramLink): string[] | null {
  if (link.kind !== 'sync') return null
  const out = new Map<string, string[]>()
  for (const l of diagram.links) if (l.kind === 'sync') out.set(l.source, [...(out.get(l.source) ?? []), l.target])
  // a path from the link's target back to its source closes the cycle
  const cameFrom = new Map<string, string>([[link.target, '']])
  const queue = [link.target]
  while (queue.length > 0) {
    const at = queue.shift()!
    if (at === link.source) {
      const path = [at]
      for (let n = cameFrom.get(at)!; n !== ''; n = cameFrom.get(n)!) path.unshift(n)
      return [link.source, ...path].map((id) => nodeLabel(diagram, id))
    }
    for (const next of out.get(at) ?? []) {
      if (cameFrom.has(next)) continue
      cameFrom.set(next, at)
      queue.push(next)
    }
  }
  return null
}
