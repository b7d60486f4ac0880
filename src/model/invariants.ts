import { Article, article } from './words'
import { ALL_LINK_FIELDS, NODE_FIELDS, parseField, parseLabel, type FieldSpec } from './fields'
import { allowedKinds } from './rules'
import type { Diagram } from './types'

export interface Problem {
  /** where, as a JSON-ish path: "nodes[2].settings.workers" */
  path: string
  message: string
}

/** Limits that keep the editor and share links usable; checked on load and on paste. */
export const MAX_NODES = 500
export const MAX_LINKS = 2000

/**
 * Everything that must hold for any diagram the app keeps: unique ids, links between
 * existing nodes, link kinds allowed between those node kinds, no self or duplicate
 * links, every setting within its field's limits, whole-number positions. Pure.
 */
export function checkDiagram(diagram: Diagram): Problem[] {
  const problems: Problem[] = []
  if (diagram.nodes.length > MAX_NODES) problems.push({ path: 'nodes', message: `A diagram holds at most ${MAX_NODES} nodes (this one has ${diagram.nodes.length}).` })
  if (diagram.links.length > MAX_LINKS) problems.push({ path: 'links', message: `A diagram holds at most ${MAX_LINKS} links (this one has ${diagram.links.length}).` })
  const nodeIds = new Map<string, number>()
  diagram.nodes.forEach((node, i) => {
    const at = `nodes[${i}]`
    if (nodeIds.has(node.id)) problems.push({ path: `${at}.id`, message: `Node id “${node.id}” is used twice.` })
    nodeIds.set(node.id, i)
    const label = parseLabel(node.label)
    if (!label.ok) problems.push({ path: `${at}.label`, message: label.error })
    if (!Number.isInteger(node.x) || !Number.isInteger(node.y)) problems.push({ path: `${at}.x`, message: 'Positions must be whole numbers.' })
    checkSettings(NODE_FIELDS[node.kind], node.settings, `${at}.settings`, problems)
  })
  const linkIds = new Set<string>()
  const pairs = new Set<string>()
  diagram.links.forEach((link, i) => {
    const at = `links[${i}]`
    if (linkIds.has(link.id) || nodeIds.has(link.id)) problems.push({ path: `${at}.id`, message: `Id “${link.id}” is used twice.` })
    linkIds.add(link.id)
    const source = diagram.nodes[nodeIds.get(link.source) ?? -1]
    const target = diagram.nodes[nodeIds.get(link.target) ?? -1]
    if (!source) problems.push({ path: `${at}.source`, message: `Link points from a missing node “${link.source}”.` })
    if (!target) problems.push({ path: `${at}.target`, message: `Link points to a missing node “${link.target}”.` })
    if (!source || !target) return
    if (source.id === target.id) {
      problems.push({ path: at, message: 'A node cannot link to itself.' })
      return
    }
    const pair = `${source.id}\u0000${target.id}`
    if (pairs.has(pair)) problems.push({ path: at, message: `${source.label} is linked to ${target.label} twice.` })
    pairs.add(pair)
    const kinds = allowedKinds(source.kind, target.kind)
    if (!kinds.ok) problems.push({ path: at, message: kinds.error })
    else if (!kinds.value.includes(link.kind)) {
      problems.push({ path: `${at}.kind`, message: `${Article(link.kind)} ${link.kind} link cannot join ${article(source.kind)} ${source.kind} to ${article(target.kind)} ${target.kind}.` })
    }
    // every link setting, also those its current kind does not use: switching kind must
    // never reveal an invalid value
    checkSettings(ALL_LINK_FIELDS, link.settings, `${at}.settings`, problems)
  })
  return problems
}

/** Stored settings must be values of the right type within their limits, not text to parse. */
function checkSettings(fields: readonly FieldSpec[], settings: object, at: string, problems: Problem[]) {
  const values = settings as Record<string, unknown>
  for (const field of fields) {
    const v = values[field.key]
    const typeOk = v === undefined || (field.type === 'number' ? typeof v === 'number' : typeof v === 'string')
    const parsed = parseField(field, v)
    if (!typeOk) problems.push({ path: `${at}.${field.key}`, message: `${field.label} must be ${field.type === 'number' ? 'a number' : 'text'}.` })
    else if (!parsed.ok) problems.push({ path: `${at}.${field.key}`, message: parsed.error })
  }
}

/** Whether `nodes` more nodes and `links` more links still fit within the caps. */
export function roomFor(d: Diagram, nodes: number, links: number): string | null {
  if (d.nodes.length + nodes > MAX_NODES) return `A diagram holds at most ${MAX_NODES} nodes; this one has ${d.nodes.length}.`
  if (d.links.length + links > MAX_LINKS) return `A diagram holds at most ${MAX_LINKS} links; this one has ${d.links.length}.`
  return null
}
