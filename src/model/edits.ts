import { Article, article } from './words'
import { nextId } from '../lib/ids'
import { err, ok, type Result } from '../lib/result'
import { KIND_LABELS, LINK_DEFAULTS, defaultSettings } from './defaults'
import { NODE_FIELDS, linkFields, parseField, parseLabel, parseNotes, parseTitle } from './fields'
import { allowedKinds, checkConnection, linkRole } from './rules'
import type { Diagram, DiagramLink, DiagramNode, LinkKind, LinkSettings, NodeKind } from './types'

/**
 * Pure edits: each takes a diagram and returns a new one (or a reason it refused). Nodes
 * and links that an edit does not touch keep their identity, which lets the canvas skip
 * re-rendering them.
 */

export const EMPTY_DIAGRAM: Diagram = { nodes: [], links: [] }

function allIds(d: Diagram): Set<string> {
  return new Set([...d.nodes.map((n) => n.id), ...d.links.map((l) => l.id)])
}

/** `wanted` if free, else the same name numbered ("Orders 2"), so copies stay tellable apart. */
function freeLabel(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted
  const base = wanted.replace(/ \d+$/, '')
  let n = 2
  while (taken.has(`${base} ${n}`)) n++
  return `${base} ${n}`
}

function nextLabel(d: Diagram, kind: NodeKind): string {
  return freeLabel(KIND_LABELS[kind], new Set(d.nodes.map((n) => n.label)))
}

export function addNode(d: Diagram, kind: NodeKind, at: { x: number; y: number }): { diagram: Diagram; id: string } {
  const id = nextId(kind, allIds(d))
  const node = {
    id,
    kind,
    label: nextLabel(d, kind),
    x: Math.round(at.x),
    y: Math.round(at.y),
    settings: defaultSettings(kind),
  } as DiagramNode
  return { diagram: { ...d, nodes: [...d.nodes, node] }, id }
}

/** Move nodes to whole-number positions. Unknown ids are ignored. */
export function moveNodes(d: Diagram, positions: ReadonlyMap<string, { x: number; y: number }>): Diagram {
  let changed = false
  const nodes = d.nodes.map((n) => {
    const p = positions.get(n.id)
    if (!p) return n
    const x = Math.round(p.x)
    const y = Math.round(p.y)
    if (x === n.x && y === n.y) return n
    changed = true
    return { ...n, x, y }
  })
  return changed ? { ...d, nodes } : d
}

/** Returns the same diagram when the name does not change, so no empty undo step is made. */
export function renameNode(d: Diagram, id: string, raw: string): Result<Diagram> {
  const node = d.nodes.find((n) => n.id === id)
  if (!node) return err('That node no longer exists.')
  const label = parseLabel(raw)
  if (!label.ok) return label
  if (label.value === node.label) return ok(d)
  return ok({ ...d, nodes: d.nodes.map((n) => (n === node ? { ...n, label: label.value } : n)) })
}

/**
 * The diagram's title or notes from user input; empty text removes it, so a document
 * without one stays exactly as it was. The same diagram back when nothing changes.
 */
export function setAbout(d: Diagram, key: 'title' | 'notes', raw: string): Result<Diagram> {
  const parsed = key === 'title' ? parseTitle(raw) : parseNotes(raw)
  if (!parsed.ok) return parsed
  if ((d[key] ?? '') === parsed.value) return ok(d)
  const { [key]: _old, ...rest } = d
  return ok(parsed.value === '' ? rest : { ...rest, [key]: parsed.value })
}

/** Set one node setting from user input, validated against its field. */
export function setNodeSetting(d: Diagram, id: string, key: string, raw: unknown): Result<Diagram> {
  const node = d.nodes.find((n) => n.id === id)
  if (!node) return err('That node no longer exists.')
  const field = NODE_FIELDS[node.kind].find((f) => f.key === key)
  if (!field) return err(`${Article(node.kind)} ${node.kind} has no setting “${key}”.`)
  const parsed = parseField(field, raw)
  if (!parsed.ok) return parsed
  if ((node.settings as unknown as Record<string, unknown>)[key] === parsed.value) return ok(d)
  const updated = { ...node, settings: { ...node.settings, [key]: parsed.value } } as DiagramNode
  return ok({ ...d, nodes: d.nodes.map((n) => (n === node ? updated : n)) })
}

export function connect(d: Diagram, source: string, target: string, kind?: LinkKind): Result<{ diagram: Diagram; id: string }> {
  const checked = checkConnection(d, source, target)
  if (!checked.ok) return checked
  let chosen = checked.value
  if (kind && kind !== chosen) {
    const s = d.nodes.find((n) => n.id === source)!
    const t = d.nodes.find((n) => n.id === target)!
    const kinds = allowedKinds(s.kind, t.kind)
    if (!kinds.ok || !kinds.value.includes(kind)) return err(`${Article(kind)} ${kind} link cannot join ${article(s.kind)} ${s.kind} to ${article(t.kind)} ${t.kind}.`)
    chosen = kind
  }
  const id = nextId('l', allIds(d))
  const link: DiagramLink = { id, source, target, kind: chosen, settings: { ...LINK_DEFAULTS, ...inheritedNames(d, source, target, chosen) } }
  return ok({ diagram: { ...d, links: [...d.links, link] }, id })
}

/**
 * A new message link speaks the contract already used at its queue, and a new event link
 * publishes the event name already published to its topic, so that adding a second
 * producer or consumer does not create a contract mismatch by accident.
 */
function inheritedNames(d: Diagram, source: string, target: string, kind: LinkKind): Partial<LinkSettings> {
  const brokerId = kind === 'message' || kind === 'event' ? (d.nodes.find((n) => n.id === target && (n.kind === 'queue' || n.kind === 'topic')) ? target : source) : null
  if (!brokerId) return {}
  const sibling = d.links.find((l) => l.kind === kind && (l.target === brokerId || l.source === brokerId))
  if (!sibling) return {}
  if (kind === 'message') return { contract: sibling.settings.contract }
  const publisher = d.links.find((l) => l.kind === 'event' && l.target === brokerId)
  return publisher && target === brokerId ? { eventName: publisher.settings.eventName } : {}
}

/** Switch a call between synchronous and asynchronous HTTP; other kinds follow from the ends. */
export function setLinkKind(d: Diagram, id: string, kind: LinkKind): Result<Diagram> {
  const link = d.links.find((l) => l.id === id)
  if (!link) return err('That link no longer exists.')
  if (link.kind === kind) return ok(d)
  const s = d.nodes.find((n) => n.id === link.source)
  const t = d.nodes.find((n) => n.id === link.target)
  if (!s || !t) return err('That link no longer exists.')
  const kinds = allowedKinds(s.kind, t.kind)
  if (!kinds.ok || !kinds.value.includes(kind)) {
    return err(t.kind === 'database' && kind === 'async' ? 'A database answers synchronously only.' : `${Article(kind)} ${kind} link cannot join ${article(s.kind)} ${s.kind} to ${article(t.kind)} ${t.kind}.`)
  }
  return ok({ ...d, links: d.links.map((l) => (l === link ? { ...l, kind } : l)) })
}

export function setLinkSetting(d: Diagram, id: string, key: string, raw: unknown): Result<Diagram> {
  const link = d.links.find((l) => l.id === id)
  if (!link) return err('That link no longer exists.')
  const field = linkFields(link.kind, linkRole(d, link)).find((f) => f.key === key)
  if (!field) return err(`This link has no setting “${key}”.`)
  const parsed = parseField(field, raw)
  if (!parsed.ok) return parsed
  if ((link.settings as unknown as Record<string, unknown>)[key] === parsed.value) return ok(d)
  const settings = { ...link.settings, [key]: parsed.value } as LinkSettings
  return ok({ ...d, links: d.links.map((l) => (l === link ? { ...l, settings } : l)) })
}

/** Move a link earlier or later among its source's outgoing links (the call order). */
export function moveLinkInOrder(d: Diagram, id: string, delta: -1 | 1): Diagram {
  const link = d.links.find((l) => l.id === id)
  if (!link) return d
  const siblings = d.links.filter((l) => l.source === link.source)
  const at = siblings.indexOf(link)
  const swapWith = siblings[at + delta]
  if (!swapWith) return d
  return { ...d, links: d.links.map((l) => (l === link ? swapWith : l === swapWith ? link : l)) }
}

/** Remove nodes (with every link that touches them) and links. */
export function removeElements(d: Diagram, nodeIds: Iterable<string>, linkIds: Iterable<string>): Diagram {
  const nodes = new Set(nodeIds)
  const links = new Set(linkIds)
  if (nodes.size === 0 && links.size === 0) return d
  const keptNodes = d.nodes.filter((n) => !nodes.has(n.id))
  const keptLinks = d.links.filter((l) => !links.has(l.id) && !nodes.has(l.source) && !nodes.has(l.target))
  if (keptNodes.length === d.nodes.length && keptLinks.length === d.links.length) return d
  return { ...d, nodes: keptNodes, links: keptLinks }
}

/** A copied selection: nodes and the links among them. */
export interface Fragment {
  nodes: DiagramNode[]
  links: DiagramLink[]
}

export function copyFragment(d: Diagram, nodeIds: Iterable<string>): Fragment {
  const ids = new Set(nodeIds)
  return {
    nodes: d.nodes.filter((n) => ids.has(n.id)),
    links: d.links.filter((l) => ids.has(l.source) && ids.has(l.target)),
  }
}

/** Paste a fragment with fresh ids, shifted by `offset`. Returns the new nodes' ids. */
export function pasteFragment(d: Diagram, fragment: Fragment, offset: { x: number; y: number }): { diagram: Diagram; nodeIds: string[] } {
  const taken = allIds(d)
  const labels = new Set(d.nodes.map((n) => n.label))
  const idMap = new Map<string, string>()
  const nodes = fragment.nodes.map((n) => {
    const id = nextId(n.kind, taken)
    taken.add(id)
    idMap.set(n.id, id)
    const label = freeLabel(n.label, labels)
    labels.add(label)
    return { ...n, id, label, x: Math.round(n.x + offset.x), y: Math.round(n.y + offset.y) } as DiagramNode
  })
  const links = fragment.links.flatMap((l) => {
    const source = idMap.get(l.source)
    const target = idMap.get(l.target)
    if (!source || !target) return []
    const id = nextId('l', taken)
    taken.add(id)
    return [{ ...l, id, source, target }]
  })
  return { diagram: { ...d, nodes: [...d.nodes, ...nodes], links: [...d.links, ...links] }, nodeIds: nodes.map((n) => n.id) }
}
