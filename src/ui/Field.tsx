import { useId, useState } from 'react'
import type { Result } from '../lib/result'
import { TEST_IDS } from '../lib/testIds'
import type { FieldSpec } from '../model/fields'

const CHOICE_LABELS: Record<string, string> = {
  poisson: 'Poisson (random)',
  uniform: 'Uniform',
  constant: 'Constant',
  exponential: 'Exponential',
  lognormal: 'Log-normal',
  'round-robin': 'Round robin',
  'least-outstanding': 'Least outstanding',
}

export interface FieldProps {
  spec: FieldSpec
  value: number | string
  /** apply what was typed; a refusal's message is shown at the field */
  onCommit(raw: string): Result<void>
}

/**
 * One labelled setting. Each keystroke that gives a valid value is applied at once (the
 * store folds a run of them into one undo step); an invalid one is shown with its reason
 * and the diagram keeps its last valid value.
 */
export function Field({ spec, value, onCommit }: FieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(String(value))
  const [error, setError] = useState<string | null>(null)

  // An outside change (undo, redo) replaces what is shown; our own edit does not. Adjusting
  // state during render when a prop changes is React's recommended alternative to an effect.
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    const same = spec.type === 'number' ? Number(draft.trim()) === value : draft.trim() === value
    if (!same) setDraft(String(value))
    setError(null)
  }

  const change = (raw: string) => {
    setDraft(raw)
    const r = onCommit(raw)
    setError(r.ok ? null : r.error)
  }
  // the hint is replaced by the error while there is one
  const describedBy = error ? `${id}-error` : spec.hint ? `${id}-hint` : undefined

  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {spec.label}
        {spec.type === 'number' && spec.unit ? <span className="field__unit"> ({spec.unit})</span> : null}
      </label>
      {spec.type === 'choice' ? (
        <select id={id} value={draft} onChange={(e) => change(e.target.value)} aria-describedby={describedBy}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {CHOICE_LABELS[o] ?? o}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          inputMode={spec.type === 'number' ? 'decimal' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => change(e.target.value)}
        />
      )}
      {spec.hint && !error && (
        <div id={`${id}-hint`} className="field__hint">
          {spec.hint}
        </div>
      )}
      {/* always present, so screen readers notice the message when it appears */}
      <div id={`${id}-error`} className="field__error" aria-live="polite">
        {error && <span data-testid={TEST_IDS.fieldError}>{error}</span>}
      </div>
    </div>
  )
}
