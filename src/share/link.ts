import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate'
import { err, ok, type Result } from '../lib/result'
import type { Fault } from '../model/faults'
import type { Diagram } from '../model/types'
import { compactDocument, expandCompact } from './compact'
import { formatProblems, parseRunDocumentText, toDocument, type RunDocument } from './document'

/**
 * Share links carry the whole document in the URL fragment (never sent to a server):
 * `#w1.<base64url(deflate-raw(compact JSON))>`. "w1" is the link format's version; the
 * compact JSON carries the document's own version. Decoding treats the text as hostile:
 * length cap first, then a bounded inflate (a decompression bomb stops at the cap), then
 * parse, then the same checks as any document. Every failure is a typed error with words
 * for the user; nothing throws.
 */
export const LINK_FORMAT = 'w1'
/** Far above any real diagram's link (a 300-node diagram is about 12,000 characters). */
export const MAX_FRAGMENT_CHARS = 60_000
/** The inflated JSON may not exceed this; a real 500-node diagram is a fraction of it. */
export const MAX_INFLATED_BYTES = 1_000_000

/** `unavailable`: the link was never read, because this decoder could not be loaded */
export type LinkErrorKind = 'not-a-link' | 'newer-version' | 'too-long' | 'corrupt' | 'truncated' | 'too-large' | 'invalid' | 'unavailable'

export interface LinkError {
  kind: LinkErrorKind
  message: string
}

const fail = (kind: LinkErrorKind, message: string) => err<LinkError>({ kind, message })

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(raw: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(raw)) return null
  // a link cut off mid-character leaves 6 dangling bits: drop them, the inflater will
  // then say the data ends too early
  const text = raw.length % 4 === 1 ? raw.slice(0, -1) : raw
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** How the person who shared it was watching the run: opening the link plays it the same way. */
export interface LinkView {
  /** run speed, 0.1–20 */
  speed?: number
  /** the instant to open at, simulated ms */
  at?: number
}

export const LINK_SPEEDS = { min: 0.1, max: 20 }
/** a year of simulated time: far beyond any run a person waits for */
const MAX_AT_MS = 366 * 24 * 3_600_000

/** A decoded link: the document, and how to watch its run when the link says. */
export type SharedLink = RunDocument & { view?: LinkView }

/** The fragment (without "#") that holds this diagram, its fault timeline and seed, and optionally how to watch it. */
export function encodeLink(diagram: Diagram, faults?: readonly Fault[], view: LinkView = {}): string {
  const compact = compactDocument(toDocument(diagram, faults) as Parameters<typeof compactDocument>[0]) as Record<string, unknown>
  // speed 1 and instant 0 are what opening a link does anyway: left out
  if (view.speed !== undefined && view.speed !== 1) compact.sp = view.speed
  if (view.at !== undefined && view.at > 0) compact.at = Math.round(view.at)
  const json = JSON.stringify(compact)
  return `${LINK_FORMAT}.${toBase64Url(deflateSync(strToU8(json), { level: 9, mem: 12 }))}`
}

/** Inflate at most `cap` bytes; null for corrupt or truncated data, 'too-large' past the cap. */
function boundedInflate(data: Uint8Array, cap: number): Uint8Array | 'too-large' | 'truncated' | null {
  const chunks: Uint8Array[] = []
  let size = 0
  let over = false
  let ended = false
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length
    if (size > cap) over = true
    else chunks.push(chunk)
    if (final) ended = true
  })
  try {
    // feed in slices so that a bomb is noticed after a slice, not after all of it
    for (let i = 0; i < data.length && !over; i += 1024) inflater.push(data.subarray(i, Math.min(data.length, i + 1024)), i + 1024 >= data.length)
  } catch (e) {
    if (over) return 'too-large'
    // fflate's code 0 is "unexpected EOF": the data stops before the stream ends
    return (e as { code?: number }).code === 0 ? 'truncated' : null
  }
  if (over) return 'too-large'
  if (!ended) return 'truncated'
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** Read a fragment (with or without "#"). */
export function decodeLink(fragment: string): Result<SharedLink, LinkError> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment
  if (text.length > MAX_FRAGMENT_CHARS) return fail('too-long', `This link is too long to be a Wireplay diagram (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_FRAGMENT_CHARS.toLocaleString('en-US')}).`)
  const dot = text.indexOf('.')
  const format = dot < 0 ? '' : text.slice(0, dot)
  if (!/^w\d+$/.test(format)) return fail('not-a-link', 'This link does not hold a Wireplay diagram.')
  if (format !== LINK_FORMAT) {
    return Number(format.slice(1)) > Number(LINK_FORMAT.slice(1))
      ? fail('newer-version', 'This link was made by a newer version of Wireplay. Open it there, or ask for a link from this version.')
      : fail('not-a-link', 'This link uses a format this Wireplay does not know.')
  }
  const bytes = fromBase64Url(text.slice(dot + 1))
  if (!bytes || bytes.length === 0) return fail('corrupt', 'This link is damaged: it contains characters a Wireplay link never has. Was it copied completely?')
  const inflated = boundedInflate(bytes, MAX_INFLATED_BYTES)
  if (inflated === 'too-large') return fail('too-large', 'This link unpacks to far more than any diagram; it was refused without opening it.')
  if (inflated === 'truncated') return fail('truncated', 'This link is cut short: part of it is missing. Copy the whole link and try again.')
  if (inflated === null) return fail('corrupt', 'This link is damaged: its contents cannot be unpacked. Was it copied completely?')
  let compact: unknown
  try {
    compact = JSON.parse(strFromU8(inflated))
  } catch {
    return fail('corrupt', 'This link is damaged: its contents are not readable.')
  }
  const view = readView(compact)
  if (typeof view === 'string') return fail('invalid', `This link does not hold a valid diagram: ${view}.`)
  const doc = expandCompact(compact)
  if (doc === 'newer') return fail('newer-version', 'This link holds a diagram from a newer version of Wireplay. Open it there, or ask for a link from this version.')
  if (typeof doc === 'string') return fail('invalid', `This link does not hold a valid diagram: ${doc}.`)
  const parsed = parseRunDocumentText(JSON.stringify(doc))
  if (!parsed.ok) return fail('invalid', `This link holds a diagram with problems:\n${formatProblems(parsed.error.slice(0, 5))}`)
  return ok(view ? { ...parsed.value, view } : parsed.value)
}

/** The optional speed (`sp`) and start instant (`at`) of a compact link, checked; null when neither is there. */
function readView(compact: unknown): LinkView | null | string {
  if (typeof compact !== 'object' || compact === null) return null
  const { sp, at } = compact as { sp?: unknown; at?: unknown }
  if (sp === undefined && at === undefined) return null
  const view: LinkView = {}
  if (sp !== undefined) {
    if (typeof sp !== 'number' || !(sp >= LINK_SPEEDS.min && sp <= LINK_SPEEDS.max)) return `its run speed must be from ${LINK_SPEEDS.min}× to ${LINK_SPEEDS.max}×`
    view.speed = sp
  }
  if (at !== undefined) {
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > MAX_AT_MS) return 'its start instant must be a whole number of ms, at least 0'
    view.at = at
  }
  return view
}
