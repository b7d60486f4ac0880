import { err, ok, type Result } from '../lib/result'
import { parseTitle, TITLE_MAX } from '../model/fields'
import type { Diagram } from '../model/types'
import { decodeLink, encodeLink, MAX_FRAGMENT_CHARS, type LinkError } from './link'

/**
 * A comparison of two designs of one's own, as a link: the fragment holds both diagrams,
 * each as an ordinary diagram link (`w1.…`, see link.ts), and the names of the two sides
 * where they differ from the default:
 *
 *   `?view=compare#a=w1.<data>&b=w1.<data>&an=Sync&bn=With%20a%20queue`
 *
 * Two diagram links side by side rather than one deflated pair: each side is read (and
 * refused) on its own, so a damaged link can say which side is damaged, each side can be
 * handed to the editor exactly as it came, and every frozen diagram link's guarantee
 * carries over. Names are `application/x-www-form-urlencoded`, like a query string.
 * Pure: no DOM.
 */

export type Side = 'a' | 'b'
export const SIDES: readonly Side[] = ['a', 'b']
const SIDE_WORD: Record<Side, string> = { a: 'Design A', b: 'Design B' }

/** A side's name is a title: one line, at most this many characters. */
export const NAME_MAX = TITLE_MAX

/** Both diagram links at their limit, the names at theirs, and room for the keys. */
export const MAX_COMPARE_FRAGMENT_CHARS = 2 * MAX_FRAGMENT_CHARS + 2_000

export interface ComparedDesign {
  /** what its column, its metrics column and its "Open in the editor" say */
  name: string
  diagram: Diagram
  /** the side's own diagram link (`w1.…`, no "#"): what "Open in the editor" opens */
  fragment: string
}

export interface CompareLinkError {
  /** the sides that could not be read; empty when the link as a whole is not a comparison */
  sides: Side[]
  message: string
}

/** What a side's own diagram alone calls it: its title, else "Design A"/"Design B". */
const ownName = (side: Side, d: Diagram | null): string => d?.title || SIDE_WORD[side]

/** What a side is called when its person gave it no name: its own name (ownName), with
 * "(A)"/"(B)" added when both would be called alike. */
export function defaultNames(a: Diagram | null, b: Diagram | null): Record<Side, string> {
  const names = { a: ownName('a', a), b: ownName('b', b) }
  // a design compared with an edited copy of itself usually keeps its title: two columns
  // both called "Checkout" would say nothing, so the letter tells them apart
  if (names.a === names.b) return { a: `${names.a} (A)`, b: `${names.b} (B)` }
  return names
}

/** A side's name as typed, tidied like a title; refused when empty, too long or the same as the other's. */
export function checkNames(raw: Record<Side, string>): Result<Record<Side, string>, Partial<Record<Side, string>>> {
  const problems: Partial<Record<Side, string>> = {}
  const names = { a: '', b: '' }
  for (const side of SIDES) {
    const r = parseTitle(raw[side])
    if (!r.ok) problems[side] = r.error.replace('A title', 'A name')
    else if (r.value === '') problems[side] = 'Give this side a name.'
    else names[side] = r.value
  }
  if (!problems.a && !problems.b && names.a === names.b) problems.b = 'Give the two sides different names.'
  return problems.a || problems.b ? err(problems) : ok(names)
}

/**
 * The fragment (without "#") that holds both designs and their names. Refused when a
 * diagram is too large for a link, naming the side.
 */
export function encodeCompareFragment(designs: Record<Side, { diagram: Diagram; name: string }>): Result<string, CompareLinkError> {
  const params = new URLSearchParams()
  const tooLarge: Side[] = []
  for (const side of SIDES) {
    const fragment = encodeLink(designs[side].diagram)
    if (fragment.length > MAX_FRAGMENT_CHARS) tooLarge.push(side)
    params.set(side, fragment)
  }
  // names last, and only those that differ from what the side's own diagram calls it: a
  // name that needs the other side to be worked out ("Checkout (A)") is written, so it
  // holds even when the other side cannot be read
  for (const side of SIDES) if (designs[side].name !== ownName(side, designs[side].diagram)) params.set(`${side}n`, designs[side].name)
  if (tooLarge.length > 0) {
    const which = tooLarge.map((s) => `${SIDE_WORD[s]} (“${designs[s].name}”)`).join(' and ')
    return err({ sides: tooLarge, message: `${which} ${tooLarge.length > 1 ? 'are' : 'is'} too large to share in a link (the limit is ${MAX_FRAGMENT_CHARS.toLocaleString('en-US')} characters per design).` })
  }
  // URLSearchParams writes a space as "+"; %20 reads the same and survives chat apps that
  // treat "+" as text
  return ok(params.toString().replace(/\+/g, '%20'))
}

/** Whether a fragment (with or without "#") is a comparison of two designs rather than one diagram link. */
export function isCompareFragment(fragment: string): boolean {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment
  return /(^|&)a=/.test(text) && /(^|&)b=/.test(text)
}

/**
 * Read a comparison fragment (with or without "#"). Untrusted: the whole is capped first,
 * then each side goes through the diagram link's own checks. A side that fails is named,
 * with its name when the link gives one, and the other side is still returned so that
 * nothing readable is lost.
 */
export function decodeCompareFragment(fragment: string): { designs: Partial<Record<Side, ComparedDesign>>; error: CompareLinkError | null } {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment
  if (text.length > MAX_COMPARE_FRAGMENT_CHARS) {
    return { designs: {}, error: { sides: [], message: `This comparison link is too long to hold two Wireplay diagrams (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_COMPARE_FRAGMENT_CHARS.toLocaleString('en-US')}).` } }
  }
  // never throws: a stray "%" or "&" leaves a value as it is, and the side's checks refuse it
  const params = new URLSearchParams(text)
  const read: Partial<Record<Side, { diagram: Diagram; fragment: string }>> = {}
  const problems: { side: Side; message: string }[] = []
  const given = { a: tidyName(params.get('an')), b: tidyName(params.get('bn')) }
  for (const side of SIDES) {
    const raw = params.get(side)
    const label = `${SIDE_WORD[side]}${given[side] ? ` (“${given[side]}”)` : ''}`
    if (raw === null || raw === '') {
      problems.push({ side, message: `${label} is missing from this comparison link. Was it copied completely?` })
      continue
    }
    const decoded = decodeLink(raw)
    if (!decoded.ok) problems.push({ side, message: `${label}: ${decoded.error.message}` })
    else read[side] = { diagram: decoded.value.diagram, fragment: raw }
  }
  const defaults = defaultNames(read.a?.diagram ?? null, read.b?.diagram ?? null)
  const names = { a: given.a || defaults.a, b: given.b || defaults.b }
  // a hand-made link may name both sides alike; the columns must still be told apart
  if (names.a === names.b) Object.assign(names, { a: `${names.a} (A)`, b: `${names.b} (B)` })
  const designs: Partial<Record<Side, ComparedDesign>> = {}
  for (const side of SIDES) {
    const r = read[side]
    if (r) designs[side] = { name: names[side], diagram: r.diagram, fragment: r.fragment }
  }
  const error = problems.length > 0 ? { sides: problems.map((p) => p.side), message: problems.map((p) => p.message).join('\n') } : null
  return { designs, error }
}

/** A name from a link: tidied like a title, dropped when it could not be a title. */
function tidyName(raw: string | null): string {
  if (raw === null) return ''
  const r = parseTitle(raw)
  return r.ok ? r.value : ''
}

export type PastedDesignError = LinkError | { kind: 'empty' | 'scenario' | 'comparison'; message: string }

/**
 * Text a person pasted as "the other design": a whole address (the editor's, an embed's),
 * just its fragment, or the bare `w1.…`. Refused in words that say what to paste instead.
 */
export function readPastedDesign(pasted: string): Result<Diagram, PastedDesignError> {
  const text = pasted.trim()
  if (text === '') return err({ kind: 'empty', message: 'Paste the share link of the other design.' })
  const hash = text.indexOf('#')
  const fragment = hash >= 0 ? text.slice(hash + 1) : text
  if (fragment.startsWith('s.')) {
    return err({ kind: 'scenario', message: 'This is a link to a built-in scenario, which holds no diagram of its own. Open it in the editor, press Share… there and paste that link.' })
  }
  if (isCompareFragment(fragment)) return err({ kind: 'comparison', message: 'This is a comparison link, which holds two designs. Paste the share link of one design.' })
  const decoded = decodeLink(fragment)
  if (!decoded.ok) {
    if (decoded.error.kind === 'not-a-link') return err({ kind: 'not-a-link', message: 'This is not a Wireplay link. Paste the link from the other design’s Share dialog (it ends with #w1.…), or choose its file.' })
    return err(decoded.error)
  }
  return ok(decoded.value.diagram)
}
