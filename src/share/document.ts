import { isRecord } from '../lib/isRecord'
import { err, ok, type Result } from '../lib/result'
import { LINK_DEFAULTS, defaultSettings } from '../model/defaults'
import { NODE_FIELDS, NOTES_MAX, TITLE_MAX, parseLabel, parseNotes, parseTitle } from '../model/fields'
import { MAX_SEED, parseFaults, type Fault } from '../model/faults'
import { checkDiagram, type Problem } from '../model/invariants'
import { migrate } from './migrations'
import { LINK_KINDS, NODE_KINDS, type Diagram, type DiagramLink, type DiagramNode, type LinkKind, type NodeKind } from '../model/types'

/**
 * The document format, version 1: what the editor saves, exports and the command line
 * reads. Settings equal to their defaults are left out, so documents stay small. The rule
 * that follows: changing a default changes what every saved document means, so it needs a
 * new document version and a migration that writes the old default into old documents.
 *
 *   { "wireplay": 1,
 *     "title"?: one line of text, "notes"?: text,
 *     "nodes": [{ "id", "kind", "label", "x", "y", "settings"?: { changed settings } }],
 *     "links": [{ "id", "source", "target", "kind", "settings"?: { changed settings } }],
 *     "seed"?: whole number (1 when absent),
 *     "faults"?: [{ "at", "action", ... }] }
 *
 * `faults` (optional, see model/faults.ts) is a timeline a run replays; `seed` is the
 * run's random seed. Both belong to the diagram: undo, autosave and share links keep them.
 *
 * `title` and `notes` (optional, plain text, at most TITLE_MAX and NOTES_MAX characters)
 * say what the diagram is; absent means none. They came after version 1 was released
 * without a version of their own: a document without them means what it always meant,
 * so no migration has anything to write (the rule above is about fields whose absence
 * meant something else before). A version-1 reader ignores names it does not know, so
 * such a document still opens there, without its title and notes.
 */
export const DOCUMENT_VERSION = 1

/** Refuse before parsing anything larger: a 500-node diagram is far below this. */
export const MAX_DOCUMENT_CHARS = 2_000_000

function changed(settings: object, defaults: object): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {}
  const d = defaults as Record<string, unknown>
  for (const [k, v] of Object.entries(settings)) if (d[k] !== v) out[k] = v
  return Object.keys(out).length > 0 ? out : undefined
}

/** `faults` overrides the diagram's own timeline (the command line passes one it read apart). */
export function toDocument(d: Diagram, faults?: readonly Fault[]): object {
  const timeline = faults ?? d.faults
  return {
    wireplay: DOCUMENT_VERSION,
    // first, where a person opening the file reads first
    ...(d.title ? { title: d.title } : {}),
    ...(d.notes ? { notes: d.notes } : {}),
    nodes: d.nodes.map((n) => {
      const s = changed(n.settings, defaultSettings(n.kind))
      return { id: n.id, kind: n.kind, label: n.label, x: n.x, y: n.y, ...(s ? { settings: s } : {}) }
    }),
    links: d.links.map((l) => {
      const s = changed(l.settings, LINK_DEFAULTS)
      return { id: l.id, source: l.source, target: l.target, kind: l.kind, ...(s ? { settings: s } : {}) }
    }),
    ...(d.seed !== undefined && d.seed !== 1 ? { seed: d.seed } : {}),
    ...(timeline && timeline.length > 0 ? { faults: timeline.map((f) => ({ ...f })) } : {}),
  }
}

export function serializeDocument(d: Diagram, faults?: readonly Fault[]): string {
  return JSON.stringify(toDocument(d, faults), null, 2)
}

/** A document as a run needs it: the diagram and its fault timeline (empty if none). */
export interface RunDocument {
  diagram: Diagram
  faults: Fault[]
}

/** Like parseDocumentText, with the fault timeline apart (what the command line runs). Never throws. */
export function parseRunDocumentText(text: string): Result<RunDocument, Problem[]> {
  const r = parseDocumentText(text)
  return r.ok ? ok({ diagram: r.value, faults: [...(r.value.faults ?? [])] }) : r
}

/** Turn JSON text into a diagram, or say precisely what is wrong. Never throws. */
export function parseDocumentText(text: string): Result<Diagram, Problem[]> {
  if (text.length > MAX_DOCUMENT_CHARS) return err([{ path: '', message: `The document is too large (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')}).` }])
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return err([{ path: '', message: `Not valid JSON: ${(e as Error).message}` }])
  }
  return parseDocument(json)
}

/** Validate an already-parsed value as a document. Never throws. */
export function parseDocument(input: unknown): Result<Diagram, Problem[]> {
  if (!isRecord(input)) return err([{ path: '', message: 'A Wireplay document is a JSON object.' }])
  let json: Record<string, unknown> = input
  if (json.wireplay === undefined) return err([{ path: 'wireplay', message: 'This is not a Wireplay document (no "wireplay" version field).' }])
  if (typeof json.wireplay !== 'number' || !Number.isInteger(json.wireplay) || json.wireplay < 1) {
    return err([{ path: 'wireplay', message: 'The document version must be a whole number.' }])
  }
  if (json.wireplay > DOCUMENT_VERSION) {
    return err([{ path: 'wireplay', message: `This document was made by a newer Wireplay (format ${json.wireplay}; this one reads up to ${DOCUMENT_VERSION}).` }])
  }
  if (json.wireplay < DOCUMENT_VERSION) {
    // older documents are brought up to date first, then checked like any other
    const migrated = migrate(json, json.wireplay, DOCUMENT_VERSION)
    if (!migrated.ok) return migrated
    json = migrated.value
  }
  const problems: Problem[] = []
  if (!Array.isArray(json.nodes)) problems.push({ path: 'nodes', message: 'nodes must be a list.' })
  if (!Array.isArray(json.links)) problems.push({ path: 'links', message: 'links must be a list.' })
  if (problems.length) return err(problems)

  const nodes: DiagramNode[] = []
  ;(json.nodes as unknown[]).forEach((raw, i) => {
    const at = `nodes[${i}]`
    if (!isRecord(raw)) return problems.push({ path: at, message: 'A node must be an object.' })
    const { id, kind, label, x, y, settings } = raw
    if (typeof id !== 'string' || id === '' || id.length > 64) problems.push({ path: `${at}.id`, message: 'A node id must be text of 1 to 64 characters.' })
    if (!NODE_KINDS.includes(kind as NodeKind)) return problems.push({ path: `${at}.kind`, message: `kind must be one of ${NODE_KINDS.join(', ')}.` })
    if (typeof label !== 'string') problems.push({ path: `${at}.label`, message: 'label must be text.' })
    if (typeof x !== 'number' || typeof y !== 'number') problems.push({ path: `${at}.x`, message: 'x and y must be numbers.' })
    if (settings !== undefined && !isRecord(settings)) return problems.push({ path: `${at}.settings`, message: 'settings must be an object.' })
    const known = new Set(NODE_FIELDS[kind as NodeKind].map((f) => f.key))
    for (const key of Object.keys(settings ?? {})) if (!known.has(key)) problems.push({ path: `${at}.settings.${key}`, message: `A ${kind as string} has no setting “${key}”.` })
    nodes.push({ id, kind, label, x, y, settings: { ...defaultSettings(kind as NodeKind), ...(settings as object | undefined) } } as DiagramNode)
  })
  const links: DiagramLink[] = []
  ;(json.links as unknown[]).forEach((raw, i) => {
    const at = `links[${i}]`
    if (!isRecord(raw)) return problems.push({ path: at, message: 'A link must be an object.' })
    const { id, source, target, kind, settings } = raw
    if (typeof id !== 'string' || id === '' || id.length > 64) problems.push({ path: `${at}.id`, message: 'A link id must be text of 1 to 64 characters.' })
    if (typeof source !== 'string') problems.push({ path: `${at}.source`, message: 'source must be a node id.' })
    if (typeof target !== 'string') problems.push({ path: `${at}.target`, message: 'target must be a node id.' })
    if (!LINK_KINDS.includes(kind as LinkKind)) return problems.push({ path: `${at}.kind`, message: `kind must be one of ${LINK_KINDS.join(', ')}.` })
    if (settings !== undefined && !isRecord(settings)) return problems.push({ path: `${at}.settings`, message: 'settings must be an object.' })
    for (const key of Object.keys(settings ?? {})) {
      if (!Object.hasOwn(LINK_DEFAULTS, key)) problems.push({ path: `${at}.settings.${key}`, message: `A link has no setting “${key}”.` })
    }
    links.push({ id, source, target, kind, settings: { ...LINK_DEFAULTS, ...(settings as object | undefined) } } as DiagramLink)
  })
  if (problems.length) return err(problems)
  const seed = json.seed
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED)) {
    return err([{ path: 'seed', message: `seed must be a whole number from 0 to ${MAX_SEED}.` }])
  }
  const about = parseAbout(json)
  if (!about.ok) return about
  const diagram: Diagram = { ...about.value, nodes: nodes.map(normalizeNode), links: links.map(normalizeLink), ...(seed !== undefined && seed !== 1 ? { seed } : {}) }
  const invalid = checkDiagram(diagram)
  if (invalid.length) return err(invalid)
  if (json.faults === undefined) return ok(diagram)
  const faults = parseFaults(json.faults, diagram)
  if (!faults.ok) return faults
  // the timeline is kept in time order: the editor inserts in order, and a run replays it so
  const timeline = faults.value.map((f, i) => [f, i] as const).sort((a, b) => a[0].at - b[0].at || a[1] - b[1]).map(([f]) => f)
  return ok(timeline.length > 0 ? { ...diagram, faults: timeline } : diagram)
}

/** The title and notes, checked and kept as the editor would have stored them; empty text is none. */
function parseAbout(json: Record<string, unknown>): Result<Pick<Diagram, 'title' | 'notes'>, Problem[]> {
  const problems: Problem[] = []
  const out: Pick<Diagram, 'title' | 'notes'> = {}
  const fields = [
    ['title', parseTitle, `title must be text (one line, at most ${TITLE_MAX} characters).`],
    ['notes', parseNotes, `notes must be text (at most ${NOTES_MAX} characters).`],
  ] as const
  for (const [key, parse, wrongType] of fields) {
    const raw = json[key]
    if (raw === undefined) continue
    if (typeof raw !== 'string') {
      problems.push({ path: key, message: wrongType })
      continue
    }
    const parsed = parse(raw)
    if (!parsed.ok) problems.push({ path: key, message: parsed.error })
    else if (parsed.value !== '') out[key] = parsed.value
  }
  return problems.length ? err(problems) : ok(out)
}

/** Text is kept as the editor would have stored it (trimmed, single spaces in names). */
function normalizeNode(n: DiagramNode): DiagramNode {
  const label = typeof n.label === 'string' ? parseLabel(n.label) : null
  return label?.ok && label.value !== n.label ? { ...n, label: label.value } : n
}

function normalizeLink(l: DiagramLink): DiagramLink {
  const s = l.settings
  const trim = (v: unknown) => (typeof v === 'string' ? v.trim() : v)
  const settings = { ...s, contract: trim(s.contract), eventName: trim(s.eventName), filter: trim(s.filter) } as DiagramLink['settings']
  return settings.contract === s.contract && settings.eventName === s.eventName && settings.filter === s.filter ? l : { ...l, settings }
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n')
}
