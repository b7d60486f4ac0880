import { useState } from 'react'
import type { Result } from '../lib/result'
import { TEST_IDS } from '../lib/testIds'
import { NAME_FIELD_ID } from './focusName'

/** The node's name: applied on Enter or when leaving the field; an empty name is refused. */
export function NameField({ label, onCommit }: { label: string; onCommit(raw: string): Result<void> }) {
  const id = NAME_FIELD_ID
  const [draft, setDraft] = useState(label)
  const [error, setError] = useState<string | null>(null)
  // a rename elsewhere (canvas, undo) shows here without remounting, so focus stays put
  const [shown, setShown] = useState(label)
  if (shown !== label) {
    setShown(label)
    setDraft(label)
    setError(null)
  }
  const commit = () => {
    if (draft === label) return setError(null)
    const r = onCommit(draft)
    setError(r.ok ? null : r.error)
    // the name as stored (trimmed); stays in the field even when nothing changed
    if (r.ok) setDraft((d) => d.trim().replace(/\s+/g, ' '))
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>Name</label>
      <input
        id={id}
        type="text"
        value={draft}
        maxLength={80}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') {
            setDraft(label)
            setError(null)
          }
        }}
      />
      {/* always present, so screen readers notice the message when it appears */}
      <div id={`${id}-error`} className="field__error" aria-live="polite">
        {error && <span data-testid={TEST_IDS.fieldError}>{error}</span>}
      </div>
    </div>
  )
}
