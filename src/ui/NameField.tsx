import { useId, useState } from 'react'
import type { Result } from '../lib/result'

/** The node's name: applied on Enter or when leaving the field; an empty name is refused. */
export function NameField({ label, onCommit }: { label: string; onCommit(raw: string): Result<void> }) {
  const id = useId()
  const [draft, setDraft] = useState(label)
  const [error, setError] = useState<string | null>(null)
  const commit = () => {
    if (draft === label) return setError(null)
    const r = onCommit(draft)
    setError(r.ok ? null : r.error)
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
        }}
      />
      {error && (
        <div id={`${id}-error`} className="field__error" role="alert">
          {error}
        </div>
      )}
    </div>
  )
}
