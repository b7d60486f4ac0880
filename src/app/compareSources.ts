import { parseDocument } from '../share/document'
import type { Diagram } from '../model/types'
import { shortNames } from '../ui/compare/shortNames'
import type { CompareProblem, CompareSubject, CompareVariant } from './CompareApp'
import { scenarioUrlFor } from './shareLinks'

/**
 * What the compare view shows: read from the address, never from or into storage. The
 * variants come as diagrams: boot makes their stores, so that this lazily loaded module
 * imports nothing of the editor's bundle beyond what boot itself imports (the document
 * parser, the share links): anything else the bundler would split out of the initial
 * bundle into chunks of its own, each a request and less well compressed.
 */
export interface CompareContent {
  subject: CompareSubject | null
  variants: (Omit<CompareVariant, 'store'> & { diagram: Diagram })[]
  problem: CompareProblem | null
}

const editorUrl = (fragment: string) => `${location.origin}${location.pathname}#${fragment}`

/** A built-in comparison of the scenario library (`?view=compare&c=<id>`). */
export async function builtInComparison(id: string): Promise<CompareContent> {
  // neither the view nor the library is needed by the editor: both are loaded here only
  const { COMPARISONS, SCENARIOS } = await import('../scenarios/library')
  const comparison = COMPARISONS.find((c) => c.id === id) ?? null
  if (!comparison && id === '') return { subject: null, variants: [], problem: { message: `This address names no comparison. Known: ${COMPARISONS.map((c) => c.id).join(', ')}; or make one of your own designs with Compare with… in the editor’s Share dialog.`, partial: false } }
  if (!comparison) return { subject: null, variants: [], problem: { message: `There is no comparison “${id}”. Known: ${COMPARISONS.map((c) => c.id).join(', ')}.`, partial: false } }
  const found: { id: string; title: string; diagram: Diagram }[] = []
  let problem: CompareProblem | null = null
  for (const sid of comparison.scenarios) {
    const scenario = SCENARIOS.find((s) => s.id === sid)
    const parsed = scenario ? parseDocument(scenario.document) : null
    if (!scenario || !parsed?.ok) {
      problem = { message: `The scenario “${sid}” of this comparison could not be opened.`, partial: true }
      continue
    }
    found.push({ id: sid, title: scenario.title, diagram: parsed.value })
  }
  const short = shortNames(found.map((f) => f.title))
  return {
    subject: { title: comparison.title, summary: comparison.summary, caption: 'The same load, seed and faults, at this instant', shareable: false },
    variants: found.map((f, i) => ({ key: f.id, title: f.title, shortName: short[i]!, diagram: f.diagram, editorUrl: scenarioUrlFor(f.id) })),
    problem: problem && found.length === 0 ? { ...problem, partial: false } : problem,
  }
}

/**
 * Two designs of the user's own, held by the fragment (share/compareLink.ts). A side that
 * cannot be read is named in the problem; the other is still shown. The fragment stays in
 * the address bar: it is the comparison, and a reload or a copied address must keep it.
 */
export async function designComparison(fragment: string): Promise<CompareContent> {
  let codec
  try {
    codec = await import('../share/compareLink')
  } catch {
    return { subject: null, variants: [], problem: { message: 'This link could not be read: part of Wireplay did not load. Check the connection and reload the page.', partial: false } }
  }
  const { designs, error } = codec.decodeCompareFragment(fragment)
  const variants = codec.SIDES.flatMap((side) => {
    const d = designs[side]
    return d ? [{ key: side, title: d.name, shortName: d.name, diagram: d.diagram, editorUrl: editorUrl(d.fragment) }] : []
  })
  const both = designs.a && designs.b
  return {
    subject: {
      title: both ? `${designs.a!.name} and ${designs.b!.name}` : (variants[0]?.title ?? 'two designs'),
      summary: null,
      caption: 'Each design with its own load, seed and faults, at this instant',
      shareable: true,
    },
    variants,
    problem: error ? { message: error.message, partial: variants.length > 0 } : null,
  }
}
