import { useId } from 'react'
import type { LessonQuestion, Scenario } from '../../model/scenario'
import './lessons.css'

export interface LessonControls {
  previous(): void
  next(): void
  end(): void
  /** the room's choice (an index into the choices), or -1 to reveal the answer without one */
  answer(choice: number): void
}

export interface LessonCardProps {
  scenario: Scenario
  step: number
  answers: Readonly<Record<number, number>>
  /** absent where the lesson is only shown (the audience window) */
  controls?: LessonControls
}

const LETTERS = 'ABCDEFGH'

/**
 * One lesson step: where it is in the lesson, its narration and, for a step that asks,
 * the question with its choices. Until the room answers, the simulation stands where the
 * previous step left it; the answer shows right or wrong and the explanation.
 */
export function LessonCard({ scenario, step, answers, controls }: LessonCardProps) {
  const lesson = scenario.lesson ?? []
  const current = lesson[step]
  if (!current) return null
  const n = lesson.length
  return (
    <section className="lesson" aria-label="Lesson">
      <div className="lesson__head">
        <span className="lesson__title">
          <span className="lesson__kicker">Lesson</span> {scenario.title}
        </span>
        <span className="lesson__progress">
          <span className="lesson__count">
            Step {step + 1} of {n}
          </span>
          <progress max={n} value={step + 1} aria-label={`Lesson progress: step ${step + 1} of ${n}`} />
        </span>
        {controls && (
          <div role="toolbar" aria-label="Lesson controls" className="lesson__controls">
            <button type="button" onClick={controls.previous} disabled={step === 0} aria-keyshortcuts="ArrowLeft" title="Previous step (←)">
              ← Previous
            </button>
            <button type="button" className="primary" onClick={controls.next} disabled={step === n - 1} aria-keyshortcuts="ArrowRight" title="Next step (→)">
              Next →
            </button>
            <button type="button" onClick={controls.end} title="Stop the lesson; the diagram and the run stay as they are">
              End lesson
            </button>
          </div>
        )}
      </div>
      <p className="lesson__narration" aria-live="polite">
        {current.narration}
      </p>
      {current.question && <Question key={step} question={current.question} chosen={answers[step]} onAnswer={controls?.answer} />}
    </section>
  )
}

function Question({ question, chosen, onAnswer }: { question: LessonQuestion; chosen: number | undefined; onAnswer?: (choice: number) => void }) {
  const promptId = useId()
  const answered = chosen !== undefined
  const mark = (i: number) => (!answered ? '' : i === question.answer ? ' is-right' : i === chosen ? ' is-wrong' : ' is-other')
  return (
    <div className="lesson__question" role="group" aria-labelledby={promptId}>
      <p id={promptId} className="lesson__prompt">
        {question.prompt}
      </p>
      {onAnswer ? (
        <div className="lesson__choices">
          {question.choices.map((c, i) => (
            <button key={i} type="button" className={`lesson__choice${mark(i)}`} aria-pressed={chosen === i} disabled={answered} onClick={() => onAnswer(i)}>
              <span className="lesson__letter" aria-hidden="true">
                {LETTERS[i]}
              </span>
              {c}
            </button>
          ))}
          {!answered && (
            <button type="button" className="lesson__reveal linklike" onClick={() => onAnswer(-1)}>
              Reveal the answer
            </button>
          )}
        </div>
      ) : (
        <ol className="lesson__choices">
          {question.choices.map((c, i) => (
            <li key={i} className={`lesson__choice${mark(i)}`}>
              <span className="lesson__letter" aria-hidden="true">
                {LETTERS[i]}
              </span>
              {c}
            </li>
          ))}
        </ol>
      )}
      {answered ? (
        <div className="lesson__result" role="status">
          <p>
            <strong>{chosen === -1 ? 'The answer:' : chosen === question.answer ? 'Right:' : 'Not quite. The answer:'}</strong> {question.choices[question.answer]}
          </p>
          <p>{question.explain}</p>
        </div>
      ) : (
        <p className="lesson__wait">The simulation waits for the room’s answer.</p>
      )}
    </div>
  )
}
