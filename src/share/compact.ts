import { isRecord } from '../lib/isRecord'
import { MAX_LINKS, MAX_NODES } from '../model/invariants'
import { NODE_KINDS, type LinkKind, type NodeKind } from '../model/types'

/**
 * The compact form of a document, for share links: arrays instead of objects, one- or
 * two-letter setting keys, kinds as letters, ids left out where they follow the editor's
 * own numbering, and link kinds left out where the ends decide them. Only a link's length
 * matters here; files keep the readable format (document.ts). Pure; the expansion does not
 * validate: its output goes through the document parser like any untrusted document.
 *
 *   { v: 1, n: [[kind, label, x, y, settings?, id?], …], l: [[from, to, settings?, kind?, id?], …], s?: seed, f?: faults,
 *     ti?: title, no?: notes }
 *
 * `from`/`to` are node indexes. A node's `id` is left out when it is `<kind>-<k>` for the
 * k-th node of its kind; a number k means `<kind>-k`; anything else is written out. Link
 * ids likewise (`l-<k>` for the k-th link). A link's kind is written only for
 * asynchronous HTTP ("a"), the one kind its ends do not imply. Title and notes are kept as
 * they are (deflate does the shrinking) and only when there are any, so a diagram without
 * them makes the same link as before they existed; a link made before them opens as a
 * diagram without them, and an older Wireplay opens a link with them, without them.
 */
export const COMPACT_VERSION = 1

const KIND_CODE: Record<NodeKind, string> = { client: 'c', service: 's', database: 'd', queue: 'q', topic: 't' }
const CODE_KIND = Object.fromEntries(Object.entries(KIND_CODE).map(([k, c]) => [c, k])) as Record<string, NodeKind>

/** Setting names, long ↔ short. One table for node and link settings: the names don't clash. */
const NODE_KEYS: Record<string, string> = {
  rate: 'r', arrivals: 'a', burstSize: 'b', burstEverySec: 'be',
  replicas: 'n', workers: 'w', timeDist: 'd', timeMs: 't', queueLimit: 'q', errorRate: 'e', healMs: 'h', balancing: 'lb',
  capacity: 'c', ackTimeoutMs: 'k', maxDeliveries: 'm',
}
const LINK_KEYS: Record<string, string> = {
  latencyMs: 'l', probability: 'p', timeoutMs: 't', retries: 'r', backoffMs: 'b', pollMs: 'i', deadlineMs: 'dl',
  contract: 'c', eventName: 'e', filter: 'f',
}
/** Values of the choice settings (only those: free text such as an event name is kept as typed), shortened. */
const CHOICE_KEYS = new Set(['arrivals', 'timeDist', 'balancing'])
const VALUES: Record<string, string> = { poisson: 'P', uniform: 'U', constant: 'C', exponential: 'E', lognormal: 'L', 'round-robin': 'R', 'least-outstanding': 'O' }

const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]))
const NODE_KEYS_BACK = invert(NODE_KEYS)
const LINK_KEYS_BACK = invert(LINK_KEYS)
const VALUES_BACK = invert(VALUES)

type Json = unknown
type DocNode = { id: string; kind: NodeKind; label: string; x: number; y: number; settings?: Record<string, Json> }
type DocLink = { id: string; source: string; target: string; kind: LinkKind; settings?: Record<string, Json> }
interface Doc {
  wireplay: number
  nodes: DocNode[]
  links: DocLink[]
  seed?: Json
  faults?: Json[]
  title?: Json
  notes?: Json
}

function shorten(settings: Record<string, Json> | undefined, keys: Record<string, string>): Record<string, Json> | undefined {
  if (!settings) return undefined
  const out: Record<string, Json> = {}
  for (const [k, v] of Object.entries(settings)) {
    const choice = CHOICE_KEYS.has(k) && typeof v === 'string' && Object.hasOwn(VALUES, v)
    out[Object.hasOwn(keys, k) ? keys[k]! : k] = choice ? VALUES[v as string] : v
  }
  return out
}

function lengthen(settings: unknown, keys: Record<string, string>): Record<string, Json> | undefined {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return settings === undefined ? undefined : (settings as Record<string, Json>)
  const out: Record<string, Json> = {}
  for (const [k, v] of Object.entries(settings)) {
    const key = Object.hasOwn(keys, k) ? keys[k]! : k
    out[key] = CHOICE_KEYS.has(key) && typeof v === 'string' && Object.hasOwn(VALUES_BACK, v) ? VALUES_BACK[v] : v
  }
  return out
}

/** Trailing empty optional slots are dropped: `[k, "A", 1, 0, 0, 0]` → `[k, "A", 1, 0]`. */
function trim(row: Json[], required: number): Json[] {
  let end = row.length
  while (end > required && (row[end - 1] === 0 || row[end - 1] === undefined)) end--
  return row.slice(0, end)
}

/** Shrink a document (the object `toDocument` makes) to its compact form. */
export function compactDocument(doc: Doc): Json {
  const perKind = new Map<string, number>()
  const index = new Map<string, number>()
  const n = doc.nodes.map((node, i) => {
    index.set(node.id, i)
    const k = (perKind.get(node.kind) ?? 0) + 1
    perKind.set(node.kind, k)
    const m = new RegExp(`^${node.kind}-(\\d+)$`).exec(node.id)
    const id = node.id === `${node.kind}-${k}` ? 0 : m && String(Number(m[1])) === m[1] && Number(m[1]) >= 1 ? Number(m[1]) : node.id
    return trim([KIND_CODE[node.kind], node.label, node.x, node.y, shorten(node.settings, NODE_KEYS) ?? 0, id], 4)
  })
  const l = doc.links.map((link, i) => {
    const m = /^l-(\d+)$/.exec(link.id)
    const id = link.id === `l-${i + 1}` ? 0 : m && String(Number(m[1])) === m[1] && Number(m[1]) >= 1 ? Number(m[1]) : link.id
    return trim([index.get(link.source) ?? link.source, index.get(link.target) ?? link.target, shorten(link.settings, LINK_KEYS) ?? 0, link.kind === 'async' ? 'a' : 0, id], 2)
  })
  return {
    v: COMPACT_VERSION,
    n,
    l,
    ...(doc.seed !== undefined ? { s: doc.seed } : {}),
    ...(doc.faults && doc.faults.length > 0 ? { f: doc.faults } : {}),
    ...(doc.title !== undefined ? { ti: doc.title } : {}),
    ...(doc.notes !== undefined ? { no: doc.notes } : {}),
  }
}

/**
 * Expand a compact form back into a document object, or say why its shape is wrong. The
 * result still has to pass the document parser (types, limits, invariants).
 */
export function expandCompact(compact: unknown): Doc | string {
  if (!isRecord(compact)) return 'the link does not hold a diagram'
  if (compact.v !== COMPACT_VERSION) {
    return typeof compact.v === 'number' && compact.v > COMPACT_VERSION ? 'newer' : 'the link names an unknown diagram version'
  }
  if (!Array.isArray(compact.n) || !Array.isArray(compact.l)) return 'the link has no node or link list'
  // refuse oversized lists before any work on them: the document's own caps, checked early
  if (compact.n.length > MAX_NODES) return `it holds ${compact.n.length} nodes; a diagram holds at most ${MAX_NODES}`
  if (compact.l.length > MAX_LINKS) return `it holds ${compact.l.length} links; a diagram holds at most ${MAX_LINKS}`
  const perKind = new Map<string, number>()
  const nodes: DocNode[] = []
  for (const row of compact.n) {
    if (!Array.isArray(row)) return 'a node is not a list'
    const [code, label, x, y, settings, id] = row as Json[]
    const kind = typeof code === 'string' ? CODE_KIND[code] : undefined
    if (!kind || !NODE_KINDS.includes(kind)) return `unknown node kind “${String(code)}”`
    const k = (perKind.get(kind) ?? 0) + 1
    perKind.set(kind, k)
    const nodeId = id === undefined || id === 0 ? `${kind}-${k}` : typeof id === 'number' ? `${kind}-${id}` : id
    const s = lengthen(settings === 0 ? undefined : settings, NODE_KEYS_BACK)
    nodes.push({ id: nodeId as string, kind, label: label as string, x: x as number, y: y as number, ...(s ? { settings: s } : {}) })
  }
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const links: DocLink[] = []
  for (const [i, row] of compact.l.entries()) {
    if (!Array.isArray(row)) return 'a link is not a list'
    const [from, to, settings, kindCode, id] = row as Json[]
    const source = typeof from === 'number' ? nodes[from]?.id : from
    const target = typeof to === 'number' ? nodes[to]?.id : to
    if (typeof source !== 'string' || typeof target !== 'string') return 'a link points at a node that is not there'
    const s = byId.get(source)
    const t = byId.get(target)
    const kind: LinkKind = kindCode === 'a' ? 'async' : t?.kind === 'queue' || s?.kind === 'queue' ? 'message' : t?.kind === 'topic' || s?.kind === 'topic' ? 'event' : 'sync'
    const linkId = id === undefined || id === 0 ? `l-${i + 1}` : typeof id === 'number' ? `l-${id}` : id
    const st = lengthen(settings === 0 ? undefined : settings, LINK_KEYS_BACK)
    links.push({ id: linkId as string, source, target, kind, ...(st ? { settings: st } : {}) })
  }
  return {
    wireplay: 1,
    nodes,
    links,
    ...(compact.s !== undefined ? { seed: compact.s } : {}),
    ...(compact.f !== undefined ? { faults: compact.f as Json[] } : {}),
    ...(compact.ti !== undefined ? { title: compact.ti } : {}),
    ...(compact.no !== undefined ? { notes: compact.no } : {}),
  }
}
