import { lazy } from 'react'
import { LazyPart } from '../LazyPart'

// both dialogs are loaded on first use: nobody needs them to draw or edit a diagram
const ScenarioGallery = lazy(() => import('./ScenarioGallery'))
const PatternsDialog = lazy(() => import('./PatternsDialog'))

export type TeachDialog = 'scenarios' | 'patterns'

/** The Scenarios gallery and the Patterns explainer; at most one is open. */
export function TeachDialogs({ open, onChange }: { open: TeachDialog | null; onChange(next: TeachDialog | null): void }) {
  if (!open) return null
  return (
    <LazyPart name={open === 'scenarios' ? 'scenario gallery' : 'patterns explainer'}>
      {open === 'scenarios' ? <ScenarioGallery onClose={() => onChange(null)} onPatterns={() => onChange('patterns')} /> : <PatternsDialog onClose={() => onChange(null)} />}
    </LazyPart>
  )
}
