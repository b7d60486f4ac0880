import { useEffect, useId, useRef, useState } from 'react'
import type { Runner } from '../../store/run/types'
import { useRunMaybe, useRunnerMaybe } from '../../store/react/runContext'
import type { FaultAmount, FaultChoice } from './faultChoices'
import { useFaultChoices } from './useFaultChoices'

/**
 * "Break it" buttons in the inspector: each puts a fault on the diagram's timeline at the
 * run's current instant (undoable, kept in share links) and the run applies it at once.
 * Below them, the faults that take an amount ("Service time from now: 1500 ms").
 */
export function FaultActions({ target }: { target: { node: string } | { link: string } }) {
  const runner = useRunnerMaybe()
  // tenths of a second are enough for the words; the choices follow the timeline exactly
  const time = useRunMaybe((s) => Math.floor(s.time / 100) * 100, 0)
  const { choices, amounts } = useFaultChoices(target)
  const id = useId()
  if (!runner || choices.length === 0) return null
  const button = (c: FaultChoice, describedBy?: string) => (
    <button key={c.label} type="button" className={c.harmful ? 'danger' : undefined} aria-describedby={describedBy} onClick={() => runner.injectFault(c.fault)}>
      {c.label}
    </button>
  )
  // what a choice does, where its label leaves it open, is written out beside it (the
  // context menu has it as a tooltip, which touch screens never show)
  const explained = choices.filter((c) => c.hint)
  return (
    <fieldset className="fault-actions">
      <legend>Faults</legend>
      <p className="muted">Happens at the run’s current instant (now {(time / 1000).toFixed(1)} s) and goes on the timeline. Also on right-click.</p>
      <div className="fault-actions__buttons">{choices.filter((c) => !c.hint).map((c) => button(c))}</div>
      {explained.map((c, i) => (
        <div key={c.label} className="fault-actions__explained">
          {button(c, `${id}-${i}`)}
          <span id={`${id}-${i}`} className="muted">
            {c.hint}
          </span>
        </div>
      ))}
      {amounts.map((a) => (
        <AmountRow key={a.label} amount={a} runner={runner} />
      ))}
    </fieldset>
  )
}

function AmountRow({ amount, runner }: { amount: FaultAmount; runner: Runner }) {
  const [text, setText] = useState(String(amount.value))
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  // a new value on the timeline (a seek, a fault reached) starts the field again from it,
  // unless someone is typing in it (focus stays where it is after Set)
  useEffect(() => {
    if (document.activeElement !== input.current) setText(String(amount.value))
  }, [amount.value])
  const value = text.trim() === '' ? NaN : Number(text)
  const valid = Number.isFinite(value) && value >= amount.min && value <= amount.max
  const apply = () => {
    if (valid && value !== amount.value) runner.injectFault(amount.fault(value))
  }
  return (
    <div className="fault-actions__amount">
      <label htmlFor={id}>{amount.label}</label>
      <input
        id={id}
        ref={input}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        aria-invalid={valid ? undefined : true}
        aria-describedby={valid ? undefined : `${id}-why`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply()
        }}
      />
      <span className="muted">ms</span>
      <button type="button" disabled={!valid || value === amount.value} onClick={apply}>
        {amount.verb}
      </button>
      {/* always present, so screen readers notice the message when it appears */}
      <span id={`${id}-why`} className="field__error" aria-live="polite">
        {valid ? '' : `A number of ms from ${amount.min.toLocaleString('en-US')} to ${amount.max.toLocaleString('en-US')}.`}
      </span>
    </div>
  )
}
