import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useDiagramStructure } from '../../store/react/editorContext'
import { useRun, useRunner } from '../../store/react/runContext'
import type { LogEntry, TracedRequest } from '../../store/run/types'
import { formatSimTime } from './formatTime'
import { ALL, announcement, filterLog, OUTCOMES, PATTERNS, type LogFilter } from './logView'
import { useRunTick } from './useRunTick'

/** The list shows at most this many lines (the newest that pass the filter). */
export const LOG_ROWS = 150
/** While playing, the list refreshes at most once a second. */
const LOG_REFRESH_MS = 1000
/** and a screen reader hears a summary at most every 4 s */
const ANNOUNCE_MS = 4000

const OUTCOME_MARK: Record<LogEntry['outcome'], string> = { ok: '✓', error: '✕', info: '•', retry: '↻' }

const traceable = (e: LogEntry) => e.requestId !== 0 || e.correlationId !== 0
const belongs = (e: LogEntry, t: TracedRequest | null) => t !== null && traceable(e) && (t.correlationId !== 0 ? e.correlationId === t.correlationId : e.requestId === t.requestId)

/**
 * The event log in plain words, newest at the bottom, filterable by node, pattern and
 * outcome. A line of a request traces it (click, or Enter on the focused line; the arrow
 * keys move between lines). For screen readers: while the run plays, the list is not
 * read out line by line (dozens arrive each second); a polite summary is announced every
 * few seconds instead. When paused or stepped, new lines are read as they come.
 */
export function EventLogTab({ onShowTrace }: { onShowTrace(): void }) {
  const runner = useRunner()
  const tick = useRunTick(LOG_REFRESH_MS)
  const playing = useRun((s) => s.playing || s.seeking !== null)
  const traced = useRun((s) => s.traced)
  const diagram = useDiagramStructure()
  const [filter, setFilter] = useState<LogFilter>(ALL)
  const ids = useId()
  const [focusSeq, setFocusSeq] = useState<number | null>(null)
  const list = useRef<HTMLOListElement>(null)
  const stick = useRef(true)

  const version = useMemo(() => {
    void tick
    return runner.logVersion()
  }, [runner, tick])
  const all = useMemo(() => {
    void version
    return runner.log()
  }, [runner, version])
  const lines = useMemo(() => filterLog(all, filter, LOG_ROWS), [all, filter])
  const total = useMemo(() => filterLog(all, filter).length, [all, filter])

  // stay at the bottom (newest) unless the reader scrolled up
  useLayoutEffect(() => {
    const el = list.current
    if (el && stick.current) el.scrollTop = el.scrollHeight
  }, [lines])

  const announced = useSummary(all, playing)

  const trace = (e: LogEntry) => {
    if (traceable(e)) runner.store.getState().traceRequest({ correlationId: e.correlationId, requestId: e.requestId })
  }
  const onKey = (e: KeyboardEvent<HTMLOListElement>) => {
    const items = [...(list.current?.querySelectorAll<HTMLLIElement>('li') ?? [])]
    const i = items.findIndex((el) => el === document.activeElement)
    const go = (j: number) => {
      const el = items[Math.max(0, Math.min(items.length - 1, j))]
      if (!el) return
      el.focus()
      setFocusSeq(Number(el.dataset.seq))
    }
    if (e.key === 'ArrowDown') go(i + 1)
    else if (e.key === 'ArrowUp') go(i < 0 ? items.length - 1 : i - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(items.length - 1)
    else if (e.key === 'Enter' || e.key === ' ') {
      const line = lines.find((l) => l.seq === Number(items[i]?.dataset.seq))
      if (line) trace(line)
    } else return
    e.preventDefault()
  }
  const tabStop = lines.some((l) => l.seq === focusSeq) ? focusSeq : (lines.at(-1)?.seq ?? null)
  const nodes = useMemo(() => [...diagram.nodes].sort((a, b) => a.label.localeCompare(b.label)), [diagram.nodes])

  return (
    <div className="run-log">
      <div className="run-log__filters">
        <label htmlFor={`${ids}-node`}>Node</label>
        <select id={`${ids}-node`} value={filter.node} onChange={(e) => setFilter({ ...filter, node: e.target.value })}>
          <option value="all">All nodes</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-pattern`}>Pattern</label>
        <select id={`${ids}-pattern`} value={filter.pattern} onChange={(e) => setFilter({ ...filter, pattern: e.target.value as LogFilter['pattern'] })}>
          <option value="all">All patterns</option>
          {PATTERNS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-outcome`}>Outcome</label>
        <select id={`${ids}-outcome`} value={filter.outcome} onChange={(e) => setFilter({ ...filter, outcome: e.target.value as LogFilter['outcome'] })}>
          <option value="all">All outcomes</option>
          {OUTCOMES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <span className="muted run-log__count">
          {total > lines.length ? `newest ${lines.length} of ${total} lines` : `${lines.length} ${lines.length === 1 ? 'line' : 'lines'}`} · newest at the bottom
        </span>
        {traced && (
          <button type="button" className="linklike" onClick={onShowTrace}>
            Show the traced request
          </button>
        )}
      </div>
      <div role="log" aria-label="Event log" aria-live={playing ? 'off' : 'polite'} className="run-log__region">
        {lines.length === 0 ? (
          <p className="muted run-log__empty">{all.length === 0 ? 'Nothing has happened yet. Press Run or Step.' : 'No line matches the filter.'}</p>
        ) : (
          <ol
            ref={list}
            className="run-log__lines"
            aria-label="Events, oldest first"
            onKeyDown={onKey}
            onScroll={(e) => {
              const el = e.currentTarget
              stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24
            }}
          >
            {lines.map((l) => (
              <li
                key={l.seq}
                data-seq={l.seq}
                tabIndex={l.seq === tabStop ? 0 : -1}
                className={`run-log__line run-log__line--${l.outcome}${traceable(l) ? ' is-traceable' : ''}${belongs(l, traced) ? ' is-traced' : ''}`}
                aria-current={belongs(l, traced) ? 'true' : undefined}
                title={traceable(l) ? 'Click or press Enter to trace this request' : undefined}
                onClick={() => {
                  setFocusSeq(l.seq)
                  trace(l)
                }}
              >
                <time className="run-log__time">{formatSimTime(l.at)}</time>
                <span className="run-log__mark" aria-label={l.outcome}>
                  {OUTCOME_MARK[l.outcome]}
                </span>
                <span className="run-log__text">{l.text}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <p role="status" className="visually-hidden">
        {announced}
      </p>
    </div>
  )
}

/** A summary of the lines that arrived while playing, renewed at most every ANNOUNCE_MS. */
function useSummary(all: readonly LogEntry[], playing: boolean): string {
  const [text, setText] = useState('')
  const lastSeq = useRef(all.at(-1)?.seq ?? 0)
  const latest = useRef(all)
  useEffect(() => {
    latest.current = all
  }, [all])
  useEffect(() => {
    if (!playing) {
      lastSeq.current = latest.current.at(-1)?.seq ?? 0
      return
    }
    const id = setInterval(() => {
      const fresh = latest.current.filter((e) => e.seq > lastSeq.current)
      if (fresh.length === 0) return
      lastSeq.current = (fresh.at(-1) as LogEntry).seq
      setText(announcement(fresh))
    }, ANNOUNCE_MS)
    return () => clearInterval(id)
  }, [playing])
  return text
}
