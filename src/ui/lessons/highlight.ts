import type { LessonStep } from '../../model/scenario'

export type Highlight = NonNullable<LessonStep['highlight']>

interface LinkEnds {
  id: string
  source: string
  target: string
}

/** A CSS attribute value in double quotes (ids are kebab-case, but a user's copy may hold anything). */
const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`

/**
 * The style sheet that draws attention to a lesson step's nodes and links: they get a
 * ring (nodes) or a thicker stroke (links), and everything else is dimmed slightly. It
 * selects React Flow's own `data-id` attributes, so the canvas needs no lesson state and
 * no node is re-derived when the step changes. The ends of a highlighted link stay
 * undimmed (a link means nothing without its ends), as do links between two highlighted
 * nodes. Empty when the step highlights nothing. Pure.
 */
export function highlightCss(h: Highlight | undefined | null, links: readonly LinkEnds[], scope = '.react-flow'): string {
  const nodeIds = new Set(h?.nodes ?? [])
  const linkIds = new Set(h?.links ?? [])
  if (nodeIds.size === 0 && linkIds.size === 0) return ''
  const clearNodes = new Set(nodeIds)
  const clearLinks = new Set(linkIds)
  for (const l of links) {
    if (linkIds.has(l.id)) {
      clearNodes.add(l.source)
      clearNodes.add(l.target)
    }
    if (nodeIds.has(l.source) && nodeIds.has(l.target)) clearLinks.add(l.id)
  }
  const not = (ids: Set<string>) => [...ids].map((id) => `:not([data-id=${quote(id)}])`).join('')
  const any = (kind: string, ids: Set<string>, rest = '') => [...ids].map((id) => `${scope} .react-flow__${kind}[data-id=${quote(id)}]${rest}`).join(',\n')
  const rules = [
    `${scope} .react-flow__node${not(clearNodes)} { opacity: 0.45; }`,
    `${scope} .react-flow__edge${not(clearLinks)} { opacity: 0.3; }`,
  ]
  if (nodeIds.size > 0) rules.push(`${any('node', nodeIds, ' .wire-node')} { box-shadow: 0 0 0 3px var(--accent), 0 0 18px 4px color-mix(in srgb, var(--accent) 45%, transparent); }`)
  if (linkIds.size > 0) rules.push(`${any('edge', linkIds, ' .wire-edge')} { stroke-width: 3.2px !important; filter: drop-shadow(0 0 4px color-mix(in srgb, var(--accent) 70%, transparent)); }`)
  return rules.join('\n')
}
