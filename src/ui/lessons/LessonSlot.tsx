import { lazy } from 'react'
import { LazyPart } from '../LazyPart'
import { useStore } from 'zustand'
import { useTeaching } from '../teachContext'

// the player, its styles and its driver load only when a scenario with a lesson is open
const LessonPlayer = lazy(() => import('./LessonPlayer').then((m) => ({ default: m.LessonPlayer })))

/**
 * Where the lesson lives in the editor, above the canvas: nothing unless the open
 * scenario has a lesson; then "Start the lesson", or the lesson player while it plays.
 */
export function LessonSlot({ presenting }: { presenting: boolean }) {
  const teaching = useTeaching()
  const hasLesson = useStore(teaching.store, (s) => (s.scenario?.lesson?.length ?? 0) > 0)
  if (!hasLesson) return null
  return (
    <LazyPart name="lesson player">
      <LessonPlayer presenting={presenting} />
    </LazyPart>
  )
}
