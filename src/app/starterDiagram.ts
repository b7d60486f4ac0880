import type { Diagram } from '../model/types'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { formatProblems, parseDocument, toDocument } from '../share/document'

/** The diagram a first visit shows. */
export function starter(): Diagram {
  const parsed = parseDocument(STARTER_DOCUMENT)
  // the starter ships with the app and is checked by unit tests; failing here is a build bug
  if (!parsed.ok) throw new Error(`Starter diagram is invalid:\n${formatProblems(parsed.error)}`)
  return parsed.value
}

/**
 * Whether this is the starter exactly as it ships: nobody's work, so a link (on page load
 * or pasted into an open tab) replaces it without asking "Replace your diagram?".
 */
export function isUntouchedStarter(diagram: Diagram): boolean {
  return JSON.stringify(toDocument(diagram)) === JSON.stringify(toDocument(starter()))
}
