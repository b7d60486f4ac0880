import { useCallback, useEffect, useId, useReducer, useRef, useState } from 'react'
import type { EditorStore } from '../../store/editorStore'
import type { Runner } from '../../store/run/types'
import { usePopoverDismiss } from '../run/usePopoverDismiss'
import { faultTargets, sharedChoices } from './faultsEverywhere'

/**
 * The compare view's faults: pick a service by name, then crash it, restart it, slow it or
 * raise its error rate in every design that has it, at the instant the runs stand at. This
 * is how a class sees one outage met by each design. It goes into each design's own fault
 * timeline, as the editor's Faults buttons do, so Reset replays it.
 */
export function FaultsEverywhere({ runners, stores }: { runners: readonly Runner[]; stores: readonly EditorStore[] }) {
  const [open, setOpen] = useState(false)
  const [picked, setPicked] = useState<string | null>(null)
  // what is offered follows every run (a crash reached, a fault just added): redrawn on
  // their changes while the panel is open
  const [, redraw] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    if (!open) return
    // at once when a fault is added or the run starts, stops or replays; otherwise a few
    // times a second (a replica healing on its own), not on every frame of a playing run
    let last = 0
    const unsubscribe = runners.map((r) =>
      r.store.subscribe((s, prev) => {
        const now = performance.now()
        if (s.faults !== prev.faults || s.playing !== prev.playing || s.seeking !== prev.seeking || s.revision !== prev.revision || now - last > 250) {
          last = now
          redraw()
        }
      }),
    )
    return () => unsubscribe.forEach((u) => u())
  }, [open, runners])
  const id = useId()
  const opener = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const close = useCallback(() => setOpen(false), [])
  const dismiss = usePopoverDismiss(panel, opener, close)

  const diagrams = stores.map((s) => s.getState().history.present)
  const targets = faultTargets(diagrams)
  const label = picked !== null && targets.some((t) => t.label === picked) ? picked : (targets[0]?.label ?? null)
  const choices = open && label !== null ? sharedChoices(runners.map((r, i) => ({ diagram: diagrams[i]!, run: r.store.getState() })), label) : []
  if (targets.length === 0) return null

  return (
    <div className="compare__faults">
      {/* a disclosure button, not a <summary>: announced as a button that is expanded or not */}
      <button
        ref={opener}
        type="button"
        className="compare__faults-toggle"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => open && dismiss.onKeyDown(e)}
      >
        Faults in every design
      </button>
      {open && (
        <div id={`${id}-panel`} className="compare__faults-panel" ref={panel} onKeyDown={dismiss.onKeyDown} onBlur={dismiss.onBlur}>
          <label htmlFor={`${id}-node`}>Service</label>
          <select id={`${id}-node`} value={label ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {targets.map((t) => (
              <option key={t.label} value={t.label}>
                {t.count < runners.length ? `${t.label} (in ${t.count} of ${runners.length})` : t.label}
              </option>
            ))}
          </select>
          <div role="group" aria-label={`Faults for ${label ?? ''} in every design`} className="compare__faults-choices">
            {choices.map((c) => (
              <button
                key={c.label}
                type="button"
                className={c.harmful ? 'danger' : undefined}
                onClick={() => {
                  c.faults.forEach((f, i) => f && runners[i]!.injectFault(f))
                  // like a menu: done, so the designs are in view again
                  setOpen(false)
                  opener.current?.focus()
                }}
                title={`In ${c.faults.filter((f) => f !== null).length} of ${runners.length} designs`}
              >
                {c.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  )
}
