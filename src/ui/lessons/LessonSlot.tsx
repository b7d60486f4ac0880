import { retryingLazy } from '../retryingLazy'
import { LazyPart } from '../LazyPart'
import { useStore } from 'zustand'
import { useTeaching } from '../teachContext'

// the player, its styles and its driver load only when a scenario with a lesson is open
const LessonPlayer = retryingLazy(() => import('./LessonPlayer').then((m) => ({ default: m.LessonPlayer })))

/**
 * Where the lesson lives in the editor, above the canvas: nothing unless the open
 * scenario has a lesson; then "Start the lesson", or the lesson player while it plays.
 */
export function LessonSlot({ presenting }: { presenting: boolean }) {
  const teaching = useTeaching()
  const hasLesson = useStore(teaching.store, (s) => (s.scenario?.lesson?.length ?? 0) > 0)
  // a new object each time a scenario is opened (the same one again included): the player
  // is wanted anew, so a failed or dismissed load gets another try
  const opened = useStore(teaching.store, (s) => s.openedDiagram)
  if (!hasLesson) return null
  return (
    <LazyPart name="lesson player" retryKey={opened}>
      <LessonPlayer presenting={presenting} />
    </LazyPart>
  )
}
