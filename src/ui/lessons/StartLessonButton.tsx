import { useStore } from 'zustand'
import { useEditorStore } from '../../store/react/editorContext'
import { useTeaching } from '../teachContext'
import { startLesson } from './startLesson'

/**
 * "Start the lesson (N steps)" for the open scenario, for any panel to show; renders
 * nothing when the open scenario has no lesson or its lesson is already playing.
 */
export function StartLessonButton({ className }: { className?: string }) {
  const teaching = useTeaching()
  const editor = useEditorStore()
  const steps = useStore(teaching.store, (s) => s.scenario?.lesson?.length ?? 0)
  const playing = useStore(teaching.store, (s) => s.step !== null)
  if (steps === 0 || playing) return null
  return (
    <button
      type="button"
      className={className ?? 'primary'}
      onClick={() => {
        // the notice of the scenario just opened would sit over the lesson's first step and
        // its Next button for its last seconds: starting the lesson answers it
        editor.getState().dismissNotice()
        startLesson(teaching.store)
      }}
    >
      Start the lesson ({steps} steps)
    </button>
  )
}
