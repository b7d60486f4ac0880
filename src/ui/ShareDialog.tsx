import { useEffect, useRef, useState } from 'react'

export interface ShareOptions {
  /** open the run at the instant it shows now, not at 0 */
  startAtNow: boolean
}

export interface ShareRequest {
  /** the link for these options (the diagram, its faults and seed, the run's speed) */
  link(options: ShareOptions): string
  /** the same, as the read-only embed view for slides and course pages */
  embed(options: ShareOptions): string
  /** the run's current instant, ms (0 when it has not started) */
  now: number
  nowText: string
  /** a short link to the built-in scenario on screen (and lesson step), while it is still the scenario's own diagram */
  scenario?: { url: string; about: string }
}

type Copyable = 'link' | 'embed' | 'scenario'

/**
 * Focuses and selects all of a field (ready for Ctrl+C) while showing its start: the selection runs
 * backward so the caret, which the browser scrolls into view, is at the beginning, not at
 * the end of a long link.
 */
function selectFromStart(el: HTMLInputElement | HTMLTextAreaElement | null) {
  if (!el) return
  el.focus()
  el.setSelectionRange(0, el.value.length, 'backward')
  el.scrollLeft = 0
  el.scrollTop = 0
}

/**
 * The link that holds the whole diagram, ready to copy, and an iframe snippet that embeds
 * it read-only with the run controls. The diagram travels in the fragment (after #),
 * which browsers never send to a server.
 */
export function ShareDialog({ request, onClose, onCompare }: { request: ShareRequest | null; onClose(): void; /** start "Compare with…" (this dialog closes) */ onCompare?(): void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const field = useRef<HTMLInputElement>(null)
  const snippetField = useRef<HTMLTextAreaElement>(null)
  const scenarioField = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<{ what: Copyable; ok: boolean } | null>(null)
  const [startAtNow, setStartAtNow] = useState(false)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (request && !d.open) {
      setCopied(null)
      setStartAtNow(false)
      d.showModal()
      selectFromStart(field.current)
    }
    if (!request && d.open) d.close()
  }, [request])

  const options = { startAtNow: startAtNow && (request?.now ?? 0) > 0 }
  const url = request?.link(options) ?? ''
  const snippet = request ? `<iframe src="${request.embed(options)}" title="Wireplay diagram" width="960" height="600" style="border:0" loading="lazy"></iframe>` : ''

  const copy = async (what: Copyable) => {
    try {
      await navigator.clipboard.writeText(what === 'link' ? url : what === 'scenario' ? (request?.scenario?.url ?? '') : snippet)
      setCopied({ what, ok: true })
    } catch {
      // clipboard refused (permissions, insecure context): leave the text selected to copy by hand
      selectFromStart(what === 'link' ? field.current : what === 'scenario' ? scenarioField.current : snippetField.current)
      setCopied({ what, ok: false })
    }
  }
  const status = (what: Copyable, idle: string) =>
    copied?.what !== what ? idle : copied.ok ? 'Copied to the clipboard.' : `This browser did not allow copying: the ${what === 'embed' ? 'code' : 'link'} is selected, press Ctrl+C.`
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby="share-title" onCancel={onClose} onClose={onClose}>
      <h2 id="share-title">Share this diagram</h2>
      <p>Anyone with this link opens the same diagram and the same run: its seed, faults and speed travel with it. It lives inside the link itself: nothing is uploaded.</p>
      <label htmlFor="share-link">Share link</label>
      <input id="share-link" ref={field} type="text" readOnly value={url} onFocus={(e) => selectFromStart(e.target)} />
      {request && request.now > 0 && (
        <label className="checkbox-row">
          <input type="checkbox" checked={startAtNow} onChange={(e) => setStartAtNow(e.target.checked)} />
          Open the run at {request.nowText}, where it is now
        </label>
      )}
      <p className="muted" aria-live="polite">
        {status('link', `${url.length.toLocaleString('en-US')} characters.`)}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void copy('link')}>
          Copy link
        </button>
      </div>
      {request?.scenario && (
        <>
          <h3 className="share-dialog__sub">Link to this scenario</h3>
          <label htmlFor="share-scenario">Scenario link</label>
          <input id="share-scenario" ref={scenarioField} type="text" readOnly value={request.scenario.url} onFocus={(e) => selectFromStart(e.target)} />
          <p className="muted" aria-live="polite">
            {status('scenario', request.scenario.about)}
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void copy('scenario')}>
              Copy scenario link
            </button>
          </div>
        </>
      )}
      <label htmlFor="share-embed">Embed code</label>
      <textarea id="share-embed" ref={snippetField} readOnly rows={3} value={snippet} onFocus={(e) => selectFromStart(e.target)} />
      <p className="muted" aria-live="polite">
        {status('embed', 'For slides and course pages: the diagram, read-only, with the run controls.')}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void copy('embed')}>
          Copy embed code
        </button>
      </div>
      {onCompare && (
        <section className="share-dialog__compare" aria-labelledby="share-compare">
          <h3 id="share-compare">Compare with another design</h3>
          <p className="muted">Run this diagram beside another of yours (its share link or file) on one clock, and get a link that holds both.</p>
          <button type="button" onClick={onCompare}>
            Compare with…
          </button>
        </section>
      )}
      <div className="button-row">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  )
}
