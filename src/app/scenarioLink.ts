import { err, ok, type Result } from '../lib/result'

/**
 * Links that point at a built-in scenario and, optionally, a lesson step: `#s.<id>` or
 * `#s.<id>.<step>`, the step counted from 1 as people count. They carry no diagram, only
 * a name, so they stay short enough to read out or write on a whiteboard. Pure: whether
 * the scenario and step exist is checked against the library (loaded lazily) by
 * `checkScenarioTarget`.
 */
export const SCENARIO_LINK_PREFIX = 's'

export interface ScenarioTarget {
  scenario: string
  /** the lesson step as an index (0 for the first step), or null for no lesson */
  step: number | null
}

/** The ids the library uses (kebab-case), with room to spare; no more than this many characters. */
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_ID = 80
const MAX_STEP = 999

/** The fragment (without "#") that opens this scenario, at this step index when given. */
export function scenarioFragment(id: string, step: number | null = null): string {
  return `${SCENARIO_LINK_PREFIX}.${id}${step === null ? '' : `.${step + 1}`}`
}

/**
 * Read a fragment (with or without "#"): null when it is not a scenario link at all (it
 * may be a diagram link), an error when it is one but cannot be read.
 */
export function parseScenarioFragment(fragment: string): Result<ScenarioTarget, string> | null {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment
  if (text !== SCENARIO_LINK_PREFIX && !text.startsWith(`${SCENARIO_LINK_PREFIX}.`)) return null
  const parts = text.split('.').slice(1)
  const id = decodeSafely(parts[0] ?? '')
  if (parts.length > 2 || id === null || id.length === 0 || id.length > MAX_ID || !ID_RE.test(id)) {
    return err('This link should name a built-in scenario (#s.<scenario>, or #s.<scenario>.<step>), but the name is missing or not one Wireplay uses.')
  }
  if (parts.length === 1) return ok({ scenario: id, step: null })
  const raw = parts[1]!
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_STEP) {
    return err(`This link asks for lesson step “${raw.slice(0, 12)}” of the scenario “${id}”; a step is a whole number from 1.`)
  }
  return ok({ scenario: id, step: Number(raw) - 1 })
}

function decodeSafely(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

/** What the library says about a scenario, as far as a link needs to know. */
export interface KnownScenario {
  id: string
  title: string
  lesson?: readonly unknown[]
}

/** Whether the link's scenario and step exist in this version's library; the words say which is wrong. */
export function checkScenarioTarget(target: ScenarioTarget, scenarios: readonly KnownScenario[]): Result<KnownScenario, string> {
  const scenario = scenarios.find((s) => s.id === target.scenario)
  if (!scenario) return err(`It names the scenario “${target.scenario}”, which this version of Wireplay does not have. The Scenarios gallery lists the ones it has.`)
  if (target.step === null) return ok(scenario)
  const steps = scenario.lesson?.length ?? 0
  if (steps === 0) return err(`It asks for lesson step ${target.step + 1} of “${scenario.title}”, which has no lesson.`)
  if (target.step >= steps) return err(`It asks for lesson step ${target.step + 1} of “${scenario.title}”, whose lesson has ${steps} steps.`)
  return ok(scenario)
}
