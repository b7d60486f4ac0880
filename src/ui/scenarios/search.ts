import { SCENARIO_GROUPS, type Scenario, type ScenarioGroup } from '../../model/scenario'

/**
 * The gallery's search: every word typed must appear in the scenario's title, summary or
 * group name, in any order, ignoring case and accents ("retry tim" finds the retry storm).
 * Pure.
 */
type Searchable = Pick<Scenario, 'title' | 'summary' | 'group'>

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()

export function matchesQuery(s: Searchable, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const group = SCENARIO_GROUPS.find((g) => g.id === s.group)?.title ?? s.group
  const haystack = fold(`${s.title} ${s.summary} ${group}`)
  return words.every((w) => haystack.includes(w))
}

/** The scenarios matching `query`, by group in SCENARIO_GROUPS order (library order within one); empty groups left out. */
export function groupScenarios<S extends Searchable>(scenarios: readonly S[], query: string): { id: ScenarioGroup; title: string; scenarios: S[] }[] {
  const found = scenarios.filter((s) => matchesQuery(s, query))
  return SCENARIO_GROUPS.map((g) => ({ ...g, scenarios: found.filter((s) => s.group === g.id) })).filter((g) => g.scenarios.length > 0)
}
