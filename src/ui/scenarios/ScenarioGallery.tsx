import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Scenario } from '../../model/scenario'
import { useCommandContext } from '../commandContext'
import { useTeaching, type ScenarioLibrary } from '../teachContext'
import { ScenarioThumbnail } from './ScenarioThumbnail'
import { groupScenarios } from './search'
import { useModal } from './useModal'
import './scenarios.css'

/**
 * The built-in scenarios as cards with a drawing of each diagram, grouped and searchable.
 * Opening one replaces the diagram (one Undo brings it back) and closes the gallery.
 * Arrow keys move between cards; Escape closes. Loaded only when first opened.
 */
export default function ScenarioGallery({ onClose, onPatterns }: { onClose(): void; onPatterns(): void }) {
  const teaching = useTeaching()
  const commands = useCommandContext()
  // where to go once the dialog has closed: back to the page, or on to the explainer
  const next = useRef<'page' | 'patterns'>('page')
  const { ref, close, dialogProps } = useModal(() => (next.current === 'patterns' ? onPatterns() : onClose()))
  const [library, setLibrary] = useState<ScenarioLibrary | null>(null)
  const [failed, setFailed] = useState(false)
  const [query, setQuery] = useState('')
  const current = useCurrentScenarioId()
  useEffect(() => {
    let live = true
    teaching.library().then(
      (lib) => live && setLibrary(lib),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
  }, [teaching])
  const groups = useMemo(() => (library ? groupScenarios(library.scenarios, query) : []), [library, query])
  const found = groups.reduce((n, g) => n + g.scenarios.length, 0)

  const open = (s: Scenario) => {
    close()
    void teaching.open(s.id)
  }

  return (
    <dialog {...dialogProps} className="dialog scenario-gallery" aria-labelledby="scenario-gallery-title" onKeyDown={(e) => moveBetweenCards(e, ref.current)}>
      <div className="scenario-gallery__head">
        <h2 id="scenario-gallery-title">Scenarios</h2>
        <p className="muted">Ready-made situations, each making one point about how services talk. Open one, press Run, and break it.</p>
        <div className="scenario-gallery__tools">
          <input
            type="search"
            aria-label="Search scenarios"
            placeholder="Search scenarios"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            // the list is what the box searches: Down goes into it
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault()
                cards(ref.current)[0]?.focus()
              }
            }}
          />
          <button
            type="button"
            onClick={() => {
              next.current = 'patterns'
              close()
            }}
          >
            The four ways services talk
          </button>
          {library && library.comparisons.length > 0 && (
            <button
              type="button"
              // the comparisons sit below every scenario card: this takes a teacher there
              onClick={() => {
                setQuery('')
                requestAnimationFrame(() => {
                  const heading = ref.current?.querySelector<HTMLElement>('#scenario-group-compare')
                  const body = ref.current?.querySelector<HTMLElement>('.scenario-gallery__body')
                  if (!heading || !body) return
                  // only the list scrolls (scrollIntoView would move the dialog itself too,
                  // taking its heading and search out of view)
                  body.scrollTop += heading.getBoundingClientRect().top - body.getBoundingClientRect().top
                  heading.parentElement?.querySelector<HTMLElement>('a, button')?.focus({ preventScroll: true })
                })
              }}
            >
              Side by side ↓
            </button>
          )}
        </div>
        <p className="muted scenario-gallery__count" role="status">
          {library ? (query.trim() ? `${found} of ${library.scenarios.length} scenarios match.` : `${library.scenarios.length} scenarios.`) : ''}
        </p>
      </div>
      <div className="scenario-gallery__body">
        {failed ? (
          <p role="alert">The scenarios could not be loaded. Check the connection and open the gallery again.</p>
        ) : !library ? (
          <p className="scenario-gallery__loading" role="status">
            Loading scenarios…
          </p>
        ) : groups.length === 0 ? (
          <p>No scenario matches “{query.trim()}”.</p>
        ) : (
          <>
            {groups.map((g) => (
              <section key={g.id} aria-labelledby={`scenario-group-${g.id}`}>
                <h3 id={`scenario-group-${g.id}`}>{g.title}</h3>
                <ul className="scenario-gallery__grid">
                  {g.scenarios.map((s) => (
                    <li key={s.id}>
                      <ScenarioCard scenario={s} current={s.id === current} onOpen={() => open(s)} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            {!query.trim() && library.comparisons.length > 0 && (
              <section aria-labelledby="scenario-group-compare">
                <h3 id="scenario-group-compare">Side by side</h3>
                <ul className="scenario-gallery__compare">
                  {library.comparisons.map((c) => (
                    <li key={c.id}>
                      {/* a view of its own: variants run together on one clock, in a new tab */}
                      <a href={`${location.pathname}?view=compare&c=${encodeURIComponent(c.id)}`} target="_blank" rel="noopener">
                        Compare: {c.title}
                      </a>{' '}
                      <span className="muted">{c.summary}</span>
                    </li>
                  ))}
                  {commands.compareWith && (
                    <li>
                      <button
                        type="button"
                        className="linklike"
                        onClick={() => {
                          close()
                          commands.compareWith?.()
                        }}
                      >
                        Compare with…
                      </button>{' '}
                      <span className="muted">Your diagram beside another design of yours (its share link or file), run the same way, with a link to send on.</span>
                    </li>
                  )}
                </ul>
              </section>
            )}
          </>
        )}
      </div>
      <div className="button-row scenario-gallery__foot">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  )
}

function ScenarioCard({ scenario, current, onOpen }: { scenario: Scenario; current: boolean; onOpen(): void }) {
  const id = useId()
  return (
    <button type="button" className="scenario-card" data-scenario-card="" aria-label={`Open ${scenario.title}`} aria-describedby={`${id}-badges ${id}-about`} onClick={onOpen}>
      <ScenarioThumbnail document={scenario.document} />
      <span className="scenario-card__title">{scenario.title}</span>
      <span id={`${id}-badges`} className="scenario-card__badges">
        {scenario.lesson && scenario.lesson.length > 0 && (
          <span className="scenario-card__badge">
            Lesson<span className="visually-hidden"> in {scenario.lesson.length} steps.</span>
          </span>
        )}
        {current && (
          <span className="scenario-card__badge scenario-card__badge--open">
            Open now<span className="visually-hidden">.</span>
          </span>
        )}
      </span>
      <span id={`${id}-about`} className="scenario-card__summary">
        {scenario.summary}
      </span>
    </button>
  )
}

function useCurrentScenarioId(): string | null {
  const teaching = useTeaching()
  const [id, setId] = useState(() => teaching.store.getState().scenario?.id ?? null)
  useEffect(() => teaching.store.subscribe((s) => setId(s.scenario?.id ?? null)), [teaching])
  return id
}

const cards = (root: HTMLElement | null) => [...(root?.querySelectorAll<HTMLButtonElement>('[data-scenario-card]') ?? [])]

/**
 * Arrow keys between cards, in reading order for Left and Right and to the nearest card
 * in the row above or below for Up and Down; Home and End to the first and last.
 */
function moveBetweenCards(e: KeyboardEvent, root: HTMLElement | null) {
  const all = cards(root)
  const from = all.indexOf(e.target as HTMLButtonElement)
  if (from < 0) return
  let to: number | undefined
  if (e.key === 'ArrowRight') to = Math.min(from + 1, all.length - 1)
  else if (e.key === 'ArrowLeft') to = Math.max(from - 1, 0)
  else if (e.key === 'Home') to = 0
  else if (e.key === 'End') to = all.length - 1
  else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const here = all[from]!.getBoundingClientRect()
    const down = e.key === 'ArrowDown'
    const candidates = all
      .map((el, i) => ({ i, r: el.getBoundingClientRect() }))
      .filter(({ r }) => (down ? r.top > here.top + 4 : r.top < here.top - 4))
    if (candidates.length === 0) to = from
    else {
      // the nearest row, then the card whose middle is nearest this one's
      const rowTop = down ? Math.min(...candidates.map((c) => c.r.top)) : Math.max(...candidates.map((c) => c.r.top))
      const row = candidates.filter((c) => Math.abs(c.r.top - rowTop) < 4)
      const mid = here.left + here.width / 2
      to = row.reduce((best, c) => (Math.abs(c.r.left + c.r.width / 2 - mid) < Math.abs(best.r.left + best.r.width / 2 - mid) ? c : best)).i
    }
  }
  if (to === undefined) return
  e.preventDefault()
  all[to]!.focus()
  all[to]!.scrollIntoView({ block: 'nearest' })
}
