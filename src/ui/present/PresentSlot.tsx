import { lazy } from 'react'
import { LazyPart } from '../LazyPart'
import type { PresentSessionProps } from './PresentSession'

// presenter mode and its styles load the first time someone presents
const PresentSession = lazy(() => import('./PresentSession').then((m) => ({ default: m.PresentSession })))

export function PresentSlot(props: PresentSessionProps) {
  return (
    <LazyPart name="presenter mode">
      <PresentSession {...props} />
    </LazyPart>
  )
}
