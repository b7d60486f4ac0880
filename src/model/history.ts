/**
 * Undo history over immutable values. Each record is a whole diagram: edits share
 * untouched nodes, so a step costs little. Pure.
 *
 * `tag` coalesces a run of edits into one step (typing "250" into a field is one edit,
 * not three): a record with the same tag as the previous one replaces the present.
 */
export interface History<T> {
  past: readonly T[]
  present: T
  future: readonly T[]
  tag: string | null
}

export const HISTORY_LIMIT = 200

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], tag: null }
}

export function record<T>(h: History<T>, next: T, tag: string | null = null): History<T> {
  if (next === h.present) return h
  if (tag !== null && tag === h.tag) return { ...h, present: next, future: [] }
  const past = [...h.past, h.present]
  if (past.length > HISTORY_LIMIT) past.shift()
  return { past, present: next, future: [], tag }
}

/** End the current run of tagged edits: the next edit is a step of its own. */
export function closeRun<T>(h: History<T>): History<T> {
  return h.tag === null ? h : { ...h, tag: null }
}

/** Replace the present without a new step (a drag in progress). */
export function replacePresent<T>(h: History<T>, next: T): History<T> {
  return next === h.present ? h : { ...h, present: next }
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1]
  if (h.past.length === 0) return h
  return { past: h.past.slice(0, -1), present: previous as T, future: [h.present, ...h.future], tag: null }
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h
  return { past: [...h.past, h.present], present: h.future[0] as T, future: h.future.slice(1), tag: null }
}

export const canUndo = <T>(h: History<T>) => h.past.length > 0
export const canRedo = <T>(h: History<T>) => h.future.length > 0

/** End a gesture that began at `base` and moved the present with `replacePresent`: one step. */
export function commitGesture<T>(h: History<T>, base: T): History<T> {
  if (base === h.present) return h
  const past = [...h.past, base]
  if (past.length > HISTORY_LIMIT) past.shift()
  return { past, present: h.present, future: [], tag: null }
}
