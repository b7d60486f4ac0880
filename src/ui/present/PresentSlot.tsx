import { retryingLazy } from '../retryingLazy'
import { LazyPart } from '../LazyPart'
import type { PresentSessionProps } from './PresentSession'

// presenter mode and its styles load the first time someone presents
const PresentSession = retryingLazy(() => import('./PresentSession').then((m) => ({ default: m.PresentSession })))

export function PresentSlot(props: PresentSessionProps) {
  return (
    // pressing Present again after a failed load is another try
    <LazyPart name="presenter mode" retryKey={props.presenting}>
      <PresentSession {...props} />
    </LazyPart>
  )
}
