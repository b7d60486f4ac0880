/**
 * Short, readable ids ("service-3", "l-12"): they show up in share links and traces, so
 * they stay small. The smallest free number is taken, which keeps ids stable and
 * deterministic for the same sequence of edits. Pure.
 */
export function nextId(prefix: string, taken: ReadonlySet<string>): string {
  let n = 1
  while (taken.has(`${prefix}-${n}`)) n++
  return `${prefix}-${n}`
}
