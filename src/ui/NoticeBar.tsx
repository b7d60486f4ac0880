import { useEffect } from 'react'
import { useEditor, useEditorStore } from '../store/react/editorContext'

const SHOW_MS = { info: 4000, error: 7000 }

/**
 * Short messages: why a connection was refused, what was just done. Screen readers hear
 * them, and also the quieter announcements (added, deleted, undone) that are not shown.
 */
export function NoticeBar() {
  const notice = useEditor((s) => s.notice)
  const announcement = useEditor((s) => s.announcement)
  const store = useEditorStore()
  useEffect(() => {
    if (!notice) return
    const t = setTimeout(() => store.getState().dismissNotice(), SHOW_MS[notice.tone])
    return () => clearTimeout(t)
  }, [notice, store])
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" aria-label="Announcements">
        <span key={announcement?.id}>{announcement?.text}</span>
      </div>
      <div className="notice-region" role="status" aria-live="polite" aria-label="Messages">
        {notice && (
          <div className={`notice notice--${notice.tone}`} key={notice.id}>
            <span>{notice.text}</span>
            <button type="button" aria-label="Dismiss message" onClick={() => store.getState().dismissNotice()}>
              ×
            </button>
          </div>
        )}
      </div>
    </>
  )
}
