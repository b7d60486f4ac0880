import { useState } from 'react'
import { retryingLazy } from '../retryingLazy'
import { LazyPart } from '../LazyPart'
import type { PresentSessionProps } from './PresentSession'

// presenter mode and its styles load the first time someone presents
const PresentSession = retryingLazy(() => import('./PresentSession').then((m) => ({ default: m.PresentSession })))

export function PresentSlot(props: PresentSessionProps) {
  // pressing Present again after a failed load is another try; leaving presenting is not
  // (the key counts the times presenting started, not every change of it)
  const [was, setWas] = useState(props.presenting)
  const [starts, setStarts] = useState(0)
  if (props.presenting !== was) {
    setWas(props.presenting)
    if (props.presenting) setStarts(starts + 1)
  }
  return (
    <LazyPart name="presenter mode" retryKey={starts}>
      <PresentSession {...props} />
    </LazyPart>
  )
}
