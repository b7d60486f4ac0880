import type { Problem } from '../model/invariants'
import { err, ok, type Result } from '../lib/result'

/**
 * Document migrations: named steps, each taking a document of version `from` to
 * `from + 1`. Reading a document applies every step from its version up to the current
 * one, before any validation, so an old file or link opens as what it meant then. The
 * rule that makes one necessary: changing a default, a unit, or the meaning of a field
 * (README, "File format"). Each step gets its own unit test with a document of its
 * `from` version, and the frozen links of every released version keep being opened.
 *
 * Version 1 is the first released version, so the list is empty for now.
 */
export interface Migration {
  from: number
  /** what it changes, in words ("2: latency is per hop, not per round trip") */
  name: string
  up(doc: Record<string, unknown>): Record<string, unknown>
}

export const MIGRATIONS: readonly Migration[] = []

/** The document brought up to `target`, or a problem naming the version nobody can read. */
export function migrate(doc: Record<string, unknown>, version: number, target: number, steps: readonly Migration[] = MIGRATIONS): Result<Record<string, unknown>, Problem[]> {
  let out = doc
  for (let v = version; v < target; v++) {
    const step = steps.find((m) => m.from === v)
    if (!step) return err([{ path: 'wireplay', message: `No way is known to read a version ${v} document.` }])
    out = { ...step.up(out), wireplay: v + 1 }
  }
  return ok(out)
}
