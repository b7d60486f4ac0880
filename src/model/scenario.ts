import { type Fault, liveFaultTime, parseFaults } from './faults'
import type { BrokerSettings, ClientSettings, Diagram, LinkKind, LinkSettings, NodeKind, ServiceSettings } from './types'

/**
 * A built-in scenario: one situation that makes one point about how services talk, as
 * plain data. The diagram is an ordinary Wireplay document (version 1, the format of
 * share/document.ts), so it opens, validates and shares like any file. Pure data: no code
 * runs here; the app parses `document` through share like any untrusted document.
 */

export type ScenarioGroup = 'patterns' | 'failures' | 'decoupling'

export const SCENARIO_GROUPS: readonly { id: ScenarioGroup; title: string }[] = [
  { id: 'patterns', title: 'The four patterns' },
  { id: 'failures', title: 'When things fail' },
  { id: 'decoupling', title: 'Decoupling' },
]

/** Only the settings that differ from the defaults (model/defaults.ts), like a saved file. */
export type ScenarioNodeSettings = Partial<ClientSettings & ServiceSettings & BrokerSettings>

export interface ScenarioNode {
  id: string
  kind: NodeKind
  label: string
  /** flow coordinates, whole numbers */
  x: number
  y: number
  settings?: ScenarioNodeSettings
}

export interface ScenarioLink {
  id: string
  source: string
  target: string
  kind: LinkKind
  settings?: Partial<LinkSettings>
}

/** A Wireplay document, version 1 (see README's file format). */
export interface ScenarioDocument {
  wireplay: 1
  nodes: readonly ScenarioNode[]
  /** call order is array order */
  links: readonly ScenarioLink[]
  /** the run's seed; 1 when absent */
  seed?: number
  /** what happens by itself when the learner presses Run, in simulated ms */
  faults?: readonly Fault[]
}

/** A fault a learner may try on top of the timeline; without `at` it happens at the current instant. */
export type SuggestedFault = WithOptionalAt<Fault>
type WithOptionalAt<F> = F extends Fault ? Omit<F, 'at'> & { at?: number } : never

/** What the simulation does when a lesson step is entered. Times in simulated ms. */
export type LessonAction =
  /** play (or replay) the run up to this instant, then stand there */
  | { kind: 'runTo'; at: number }
  /** add this fault to the run (it happens at its `at`) */
  | { kind: 'fault'; fault: Fault }
  /** stop the clock where it is */
  | { kind: 'pause' }

export interface LessonQuestion {
  prompt: string
  choices: readonly string[]
  /** index into `choices` */
  answer: number
  /** shown once the room has answered, before the simulation reveals it */
  explain: string
}

/** One step of a guided walk through a scenario, for a room or one learner. */
export interface LessonStep {
  narration: string
  /** node and link ids of the scenario's document to draw attention to */
  highlight?: { nodes?: readonly string[]; links?: readonly string[] }
  action?: LessonAction
  question?: LessonQuestion
}

export interface Scenario {
  /** kebab-case and stable: share links name a scenario by it */
  id: string
  title: string
  group: ScenarioGroup
  /** the point, in one to three plain sentences */
  summary: string
  /** what to look at on the canvas while it runs */
  watch: string
  /** one more thing to break, with what it shows; null when the timeline says it all */
  tryFault: { text: string; fault: SuggestedFault } | null
  document: ScenarioDocument
  lesson?: readonly LessonStep[]
}

/** Scenarios meant to be run side by side (the compare view): same load, seed and faults. */
export interface Comparison {
  id: string
  title: string
  summary: string
  /** scenario ids, in the order to show them */
  scenarios: readonly string[]
}

/**
 * The fault to put on the timeline for a suggestion tried at `now` (ms): at its own `at`
 * when that is still to come, else as any fault added live (the next whole ms after now).
 * Null when the diagram no longer has what it names (the node or link was deleted or
 * changed kind). Pure.
 */
export function suggestedFaultAt(suggested: SuggestedFault, now: number, diagram: Diagram): Fault | null {
  const at = suggested.at !== undefined && suggested.at > now ? suggested.at : liveFaultTime(now)
  const fault = { ...suggested, at } as Fault
  return parseFaults([fault], diagram).ok ? fault : null
}
