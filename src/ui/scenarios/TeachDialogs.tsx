import { retryingLazy } from '../retryingLazy'
import { LazyPart } from '../LazyPart'

// both dialogs are loaded on first use: nobody needs them to draw or edit a diagram
const ScenarioGallery = retryingLazy(() => import('./ScenarioGallery'))
const PatternsDialog = retryingLazy(() => import('./PatternsDialog'))

export type TeachDialog = 'scenarios' | 'patterns'

/** The Scenarios gallery and the Patterns explainer; at most one is open. */
export function TeachDialogs({ open, onChange }: { open: TeachDialog | null; onChange(next: TeachDialog | null): void }) {
  if (!open) return null
  return (
    // Dismiss closes the dialog, so pressing its button again is a fresh try; keyed by
    // dialog so a failure of one does not stand in for the other
    <LazyPart key={open} name={open === 'scenarios' ? 'scenario gallery' : 'patterns explainer'} onDismiss={() => onChange(null)}>
      {open === 'scenarios' ? <ScenarioGallery onClose={() => onChange(null)} onPatterns={() => onChange('patterns')} /> : <PatternsDialog onClose={() => onChange(null)} />}
    </LazyPart>
  )
}
