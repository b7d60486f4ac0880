import { err, ok, type Result } from '../lib/result'
import { ARRIVALS, BALANCING, DISTRIBUTIONS, type LinkKind, type LinkRole, type NodeKind } from './types'

/**
 * Every setting a user can change, with its label, unit and limits. The inspector renders
 * these, and the same specs validate edits and loaded documents, so a value refused at a
 * field is also refused in a file. Pure data.
 */
export interface NumberField {
  type: 'number'
  key: string
  label: string
  unit?: string
  min: number
  max: number
  integer: boolean
  hint?: string
}
export interface ChoiceField {
  type: 'choice'
  key: string
  label: string
  options: readonly string[]
  hint?: string
}
export interface TextField {
  type: 'text'
  key: string
  label: string
  maxLength: number
  /** empty input is allowed when true */
  optional: boolean
  pattern: RegExp
  patternMessage: string
  hint?: string
}
export type FieldSpec = NumberField | ChoiceField | TextField

const num = (key: string, label: string, min: number, max: number, integer: boolean, unit?: string, hint?: string): NumberField => ({
  type: 'number',
  key,
  label,
  min,
  max,
  integer,
  ...(unit ? { unit } : {}),
  ...(hint ? { hint } : {}),
})

const SERVER_FIELDS: FieldSpec[] = [
  num('replicas', 'Replicas', 1, 100, true),
  num('workers', 'Workers per replica', 1, 10_000, true),
  { type: 'choice', key: 'timeDist', label: 'Service time distribution', options: DISTRIBUTIONS },
  num('timeMs', 'Mean service time', 0, 3_600_000, false, 'ms'),
  num('queueLimit', 'Queue limit per replica', 0, 1_000_000, true, 'requests', 'Beyond it the replica answers 503 at once.'),
  num('errorRate', 'Error rate', 0, 100, false, '%'),
  num('healMs', 'Auto-heal restart delay', 0, 3_600_000, true, 'ms', '0 means no auto-heal.'),
  { type: 'choice', key: 'balancing', label: 'Load balancing', options: BALANCING },
]

const BROKER_FIELDS = (capacityLabel: string): FieldSpec[] => [
  num('capacity', capacityLabel, 1, 10_000_000, true, 'messages'),
  num('ackTimeoutMs', 'Ack timeout', 1, 3_600_000, true, 'ms', 'No ack within it means redelivery.'),
  num('maxDeliveries', 'Max deliveries', 1, 100, true, undefined, 'Then the message is dead-lettered.'),
]

export const NODE_FIELDS: Record<NodeKind, readonly FieldSpec[]> = {
  client: [
    num('rate', 'Rate', 0, 100_000, false, 'requests/s'),
    { type: 'choice', key: 'arrivals', label: 'Arrivals', options: ARRIVALS },
    num('burstSize', 'Burst size', 0, 100_000, true, 'requests', '0 means no burst.'),
    num('burstEverySec', 'Burst every', 0.1, 86_400, false, 's'),
  ],
  service: SERVER_FIELDS,
  database: SERVER_FIELDS,
  queue: BROKER_FIELDS('Capacity'),
  topic: BROKER_FIELDS('Capacity per subscription'),
}

/** What a message contract looks like: a name and a version (a fault that changes one follows the same rule). */
export const CONTRACT_PATTERN = /^[A-Za-z][\w.-]* v\d{1,4}$/
export const CONTRACT_MAX_LENGTH = 60

const CONTRACT: TextField = {
  type: 'text',
  key: 'contract',
  label: 'Message contract',
  maxLength: CONTRACT_MAX_LENGTH,
  optional: false,
  pattern: CONTRACT_PATTERN,
  patternMessage: 'Write a contract as a name and a version, like “OrderPlaced v1”.',
}

/** The fields that apply to a link of this kind in this role. */
export function linkFields(kind: LinkKind, role: LinkRole): FieldSpec[] {
  const fields: FieldSpec[] = [num('latencyMs', 'Latency', 0, 60_000, false, 'ms', 'One way.')]
  if (role !== 'consume') fields.push(num('probability', 'Call probability', 0, 100, false, '%', 'Share of requests that make this call.'))
  if (kind === 'sync') {
    fields.push(
      num('timeoutMs', 'Timeout', 1, 3_600_000, true, 'ms'),
      num('retries', 'Retries', 0, 10, true, undefined, 'Exponential backoff with jitter.'),
      num('backoffMs', 'First retry after', 0, 600_000, true, 'ms'),
    )
  }
  if (kind === 'async') {
    fields.push(num('pollMs', 'Poll every', 1, 600_000, true, 'ms'), num('deadlineMs', 'Poll deadline', 1, 3_600_000, true, 'ms'))
  }
  if (kind === 'message') {
    fields.push(role === 'publish' ? { ...CONTRACT, label: 'Sends contract' } : { ...CONTRACT, label: 'Expects contract' })
  }
  if (kind === 'event' && role === 'publish') {
    fields.push({
      type: 'text',
      key: 'eventName',
      label: 'Event name',
      maxLength: 60,
      optional: false,
      pattern: /^[A-Za-z][\w.-]*$/,
      patternMessage: 'An event name starts with a letter and has no spaces, like “OrderPlaced”.',
    })
  }
  if (kind === 'event' && role === 'consume') {
    fields.push({
      type: 'text',
      key: 'filter',
      label: 'Only events named',
      maxLength: 200,
      optional: true,
      pattern: /^\s*[A-Za-z][\w.-]*(\s*,\s*[A-Za-z][\w.-]*)*\s*$/,
      patternMessage: 'List event names separated by commas, or leave empty for all events.',
      hint: 'Empty receives every event.',
    })
  }
  return fields
}

/** Every link setting once, whatever kind or role uses it. */
export const ALL_LINK_FIELDS: readonly FieldSpec[] = (() => {
  const all = [linkFields('sync', 'call'), linkFields('async', 'call'), linkFields('message', 'publish'), linkFields('event', 'publish'), linkFields('event', 'consume')].flat()
  return all.filter((f, i) => all.findIndex((g) => g.key === f.key) === i)
})()

function formatLimit(n: number): string {
  return n.toLocaleString('en-US')
}

/** Parse what a user typed (or a file holds) against a field. Never throws. */
export function parseField(spec: FieldSpec, raw: unknown): Result<number | string> {
  if (spec.type === 'number') {
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
    if (text === '') return err(`${spec.label} needs a value.`)
    const value = Number(text)
    if (!Number.isFinite(value)) return err(`${spec.label} must be a number.`)
    if (spec.integer && !Number.isInteger(value)) return err(`${spec.label} must be a whole number.`)
    if (value < spec.min) {
      return err(spec.min === 0 ? `${spec.label} cannot be negative.` : `${spec.label} must be at least ${formatLimit(spec.min)}.`)
    }
    if (value > spec.max) return err(`${spec.label} must be at most ${formatLimit(spec.max)}${spec.unit === '%' ? ' %' : ''}.`)
    return ok(value === 0 ? 0 : value) // no negative zero
  }
  if (typeof raw !== 'string') return err(`${spec.label} must be text.`)
  if (spec.type === 'choice') {
    return spec.options.includes(raw) ? ok(raw) : err(`${spec.label} must be one of: ${spec.options.join(', ')}.`)
  }
  const text = raw.trim()
  if (text === '') return spec.optional ? ok('') : err(`${spec.label} needs a value.`)
  if (text.length > spec.maxLength) return err(`${spec.label} must be at most ${spec.maxLength} characters.`)
  if (!spec.pattern.test(text)) return err(spec.patternMessage)
  return ok(text)
}

export const LABEL_MAX = 40

export function parseLabel(raw: string): Result<string> {
  const text = raw.trim().replace(/\s+/g, ' ')
  if (text === '') return err('A name cannot be empty.')
  if (text.length > LABEL_MAX) return err(`A name must be at most ${LABEL_MAX} characters.`)
  return ok(text)
}

/**
 * A diagram's title and notes, in characters as a browser's text field counts them
 * (UTF-16 code units, so the field's own maxlength and this check agree). Generous for
 * a title and a workshop's instructions, small enough that notes at the limit keep a
 * share link well inside what chat apps carry.
 */
export const TITLE_MAX = 120
export const NOTES_MAX = 2000

/** One line, spaces collapsed as in node names; '' means no title. */
export function parseTitle(raw: string): Result<string> {
  const text = raw.trim().replace(/\s+/g, ' ')
  if (text.length > TITLE_MAX) return err(`A title must be at most ${TITLE_MAX} characters (this one has ${text.length}).`)
  return ok(text)
}

/** Line breaks are kept (as \n, whatever the platform typed); blank lines and spaces
 * around the whole text are not. '' means no notes. */
export function parseNotes(raw: string): Result<string> {
  const text = raw.replace(/\r\n?/g, '\n').trim()
  if (text.length > NOTES_MAX) return err(`Notes must be at most ${NOTES_MAX} characters (these have ${text.length}).`)
  return ok(text)
}
