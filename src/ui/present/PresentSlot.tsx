import { lazy, Suspense } from 'react'
import type { PresentSessionProps } from './PresentSession'

// presenter mode and its styles load the first time someone presents
const PresentSession = lazy(() => import('./PresentSession').then((m) => ({ default: m.PresentSession })))

export function PresentSlot(props: PresentSessionProps) {
  return (
    <Suspense fallback={null}>
      <PresentSession {...props} />
    </Suspense>
  )
}
