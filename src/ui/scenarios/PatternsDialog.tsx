import { useEffect, useState } from 'react'
import { LINK_STYLES } from '../../canvas/linkStyles'
import type { LinkKind } from '../../model/types'
import { useTeaching } from '../teachContext'
import { useModal } from './useModal'
import './scenarios.css'

interface Pattern {
  kind: LinkKind
  name: string
  how: string
  when: string
  /** the short answer to "what does it tie together?" */
  couples: string
  couplesWhy: string
  /** the built-in scenario that shows it */
  scenario: string
}

/** In our own words; each pattern points at the scenario made to show it. */
const PATTERNS: readonly Pattern[] = [
  {
    kind: 'sync',
    name: 'Synchronous HTTP',
    how: 'The caller sends a request and waits for the answer. One of its workers is held for the whole trip, including everything the other side has to call in turn.',
    when: 'The caller cannot go on without the answer, and the answer comes quickly: showing a page, checking a price, validating a card.',
    couples: 'Time, and the message structure.',
    couplesWhy: 'Both sides must be up at the same moment. When the one called is slow or down, so is its caller, and the caller’s caller.',
    scenario: 'sync-call-chain',
  },
  {
    kind: 'async',
    name: 'Asynchronous HTTP (202, then polling)',
    how: 'The caller asks for some work. The service answers 202 Accepted at once with an address to check, does the work in the background, and the caller asks that address now and then until the result is there.',
    when: 'The work takes longer than anyone should keep a connection open (a report, an export, a video to convert), but the caller still wants the result.',
    couples: 'Time, loosely; and the message structure.',
    couplesWhy: 'The service must be there to accept the job and to answer the polls, but nothing is held while the work runs. The caller gives up when its deadline passes.',
    scenario: 'async-long-job',
  },
  {
    kind: 'message',
    name: 'Messages through a queue',
    how: 'The sender puts a message in a queue and carries on. One consumer takes it, does the work and acknowledges it; if none is free or none is up, the message waits in the queue.',
    when: 'A job has to be done once, by whichever worker is free, and not necessarily right now: fulfilling an order, resizing a photo. Add consumers to share the load.',
    couples: 'The message structure only.',
    couplesWhy: 'The sender does not wait for, or even know, the consumer; it may be down for a while. Both must agree on the message, though: a message the consumer cannot read ends in the dead-letter queue.',
    scenario: 'competing-consumers',
  },
  {
    kind: 'event',
    name: 'Events through a topic',
    how: 'The publisher announces that something happened. Every subscriber gets its own copy and reacts in its own time; the publisher does not know who listens.',
    when: 'Several parts of the system care about the same fact (an order was placed: the warehouse, email and analytics each do their part), and more may join later.',
    couples: 'Nothing.',
    couplesWhy: 'The publisher waits for no one and names no one: a subscriber can be added, removed or down without the publisher noticing. Subscribers only rely on what the event says.',
    scenario: 'event-fan-out',
  },
]

/**
 * The "Patterns" explainer: the four ways services talk, when each fits and what it ties
 * together, each with a button to the scenario that shows it. Loaded only when opened.
 */
export default function PatternsDialog({ onClose }: { onClose(): void }) {
  const teaching = useTeaching()
  const { close, dialogProps } = useModal(onClose)
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(() => new Map())
  useEffect(() => {
    let live = true
    teaching.library().then(
      (lib) => live && setTitles(new Map(lib.scenarios.map((s) => [s.id, s.title]))),
      // without titles the buttons still work
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [teaching])
  return (
    <dialog {...dialogProps} className="dialog patterns" aria-labelledby="patterns-title">
      <h2 id="patterns-title">The four ways services talk</h2>
      <p className="muted">Each has its own line on the canvas. What differs is who waits for whom, and what the two sides must agree on.</p>
      <div className="patterns__list">
        {PATTERNS.map((p) => (
          <section key={p.kind} className="patterns__item" aria-labelledby={`pattern-${p.kind}`}>
            <h3 id={`pattern-${p.kind}`}>
              <LinkGlyph kind={p.kind} />
              {p.name}
            </h3>
            <p>{p.how}</p>
            <dl>
              <dt>Use it when</dt>
              <dd>{p.when}</dd>
              <dt>What it ties together</dt>
              <dd>
                <strong>{p.couples}</strong> {p.couplesWhy}
              </dd>
            </dl>
            <p className="patterns__scenario">
              <span className="muted">See it in “{titles.get(p.scenario) ?? p.scenario}”.</span>
              <button
                type="button"
                onClick={() => {
                  close()
                  void teaching.open(p.scenario)
                }}
              >
                Open the scenario
              </button>
            </p>
          </section>
        ))}
      </div>
      <div className="button-row">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  )
}

function LinkGlyph({ kind }: { kind: LinkKind }) {
  const s = LINK_STYLES[kind]
  return (
    <svg className="patterns__glyph" width="46" height="12" viewBox="0 0 46 12" aria-hidden="true" focusable="false">
      <line x1="1" y1="6" x2="36" y2="6" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} strokeLinecap="round" />
      <path d="M35 1 L44 6 L35 11" fill={s.marker === 'arrowclosed' ? s.color : 'none'} stroke={s.color} strokeWidth="1.6" strokeLinejoin="round" />
    </svg>
  )
}
