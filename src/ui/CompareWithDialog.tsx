import { useEffect, useId, useMemo, useRef, useState } from 'react'
// nothing from the editor's own modules but types: this dialog is a lazy chunk, and a
// module it shared with the editor would be split out of the initial bundle
import type { Result } from '../lib/result'
import type { Diagram } from '../model/types'
import { DocumentFileInput } from './DocumentFileInput'
import './compareWith.css'

type Sides<T> = { a: T; b: T }

/**
 * What the dialog needs from the app layer, which owns the link codec (loaded before the
 * dialog opens, so everything here is synchronous but reading a file).
 */
export interface CompareWithRequest {
  /** the diagram in the editor when the dialog opened: the left side, never changed here */
  current: Diagram
  /** a pasted share link (or address, or fragment) of the other design, read */
  readPasted(text: string): Result<Diagram, string>
  readFile(file: File): Promise<Result<Diagram, string>>
  /** the sides' names when nobody typed any: the titles, else "Design A"/"Design B" */
  defaultNames(a: Diagram, b: Diagram | null): Sides<string>
  checkNames(raw: Sides<string>): Result<Sides<string>, Partial<Sides<string>>>
  /** the longest name, in characters (a title's limit) */
  nameMax: number
  /** the compare view's address holding both designs, or why it cannot be made */
  link(designs: Sides<{ diagram: Diagram; name: string }>): Result<string, string>
}

type Other = { from: 'link' } | { from: 'file'; name: string; result: Result<Diagram, string> }

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`
const describe = (d: Diagram) => `${d.title ? `“${d.title}”, ` : ''}${count(d.nodes.length, 'node')}, ${count(d.links.length, 'link')}`

/**
 * "Compare with…": the diagram on screen and another design of one's own (its share link
 * pasted, or its file), named, become a compare view of their own, in a new tab, with an
 * address that holds both for a teacher to send on. Nothing here touches the editor's
 * diagram, whatever is pasted.
 */
export function CompareWithDialog({ request, onClose }: { request: CompareWithRequest; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const linkField = useRef<HTMLInputElement>(null)
  const ids = useId()
  const [text, setText] = useState('')
  const [other, setOther] = useState<Other>({ from: 'link' })
  // a name typed by hand; untyped sides follow the diagrams' titles
  const [typed, setTyped] = useState<Partial<Sides<string>>>({})
  // what was copied, and whether it could be: a copy of an earlier link says nothing now
  const [copiedState, setCopied] = useState<{ url: string; ok: boolean } | null>(null)

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  const read = useMemo<Result<Diagram, string> | null>(() => {
    if (other.from === 'file') return other.result
    return text.trim() === '' ? null : request.readPasted(text)
  }, [other, text, request])
  const otherDiagram = read?.ok ? read.value : null
  const defaults = request.defaultNames(request.current, otherDiagram)
  const raw = { a: typed.a ?? defaults.a, b: typed.b ?? defaults.b }
  const names = request.checkNames(raw)
  const empty = request.current.nodes.length === 0
  const nameA = names.ok ? names.value.a : null
  const nameB = names.ok ? names.value.b : null
  // encoding deflates both diagrams: once per change of what goes in, not per keystroke elsewhere
  const made = useMemo(
    () => (otherDiagram && nameA !== null && nameB !== null && !empty ? request.link({ a: { diagram: request.current, name: nameA }, b: { diagram: otherDiagram, name: nameB } }) : null),
    [otherDiagram, nameA, nameB, empty, request],
  )
  const url = made?.ok ? made.value : ''
  const copied = copiedState?.url === url ? copiedState.ok : null

  /** counts the user's choices of the other design: a file read that finishes after a
   * newer choice (a pasted link, another file) is dropped rather than replacing it */
  const choice = useRef(0)
  const choose = async (file: File) => {
    const mine = ++choice.current
    setText('')
    const result = await request.readFile(file)
    if (mine === choice.current) setOther({ from: 'file', name: file.name, result })
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied({ url, ok: true })
    } catch {
      linkField.current?.focus()
      linkField.current?.setSelectionRange(0, url.length, 'backward')
      setCopied({ url, ok: false })
    }
  }

  const nameField = (side: 'a' | 'b', label: string) => {
    const problem = names.ok ? undefined : names.error[side]
    return (
      <div className={`compare-with__name${problem ? ' has-error' : ''}`}>
        <label htmlFor={`${ids}-${side}`}>{label}</label>
        <input
          id={`${ids}-${side}`}
          type="text"
          value={raw[side]}
          maxLength={request.nameMax}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${ids}-${side}-problem` : undefined}
          onChange={(e) => setTyped((t) => ({ ...t, [side]: e.target.value }))}
        />
        {problem && (
          <p id={`${ids}-${side}-problem`} className="field__error">
            {problem}
          </p>
        )}
      </div>
    )
  }

  return (
    <dialog ref={ref} className="dialog dialog--wide compare-with" aria-labelledby={`${ids}-title`} onCancel={onClose} onClose={onClose}>
      <h2 id={`${ids}-title`}>Compare with another design</h2>
      <p>
        Run this diagram and another of your designs side by side: one clock, one set of controls, their numbers in one table. It opens in a new tab; the diagram here stays
        as it is.
      </p>
      {empty && (
        <p className="field__error" role="alert">
          This diagram is empty: add something to compare first.
        </p>
      )}
      <label htmlFor={`${ids}-other`}>Share link of the other design</label>
      <div className="compare-with__source">
        <input
          id={`${ids}-other`}
          type="text"
          autoFocus
          spellCheck={false}
          placeholder="Paste the link from its Share dialog (…#w1.…)"
          value={text}
          aria-invalid={read && !read.ok ? true : undefined}
          aria-describedby={`${ids}-other-status`}
          onChange={(e) => {
            choice.current++
            setText(e.target.value)
            setOther({ from: 'link' })
          }}
        />
        <span className="muted">or</span>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Choose a file…
        </button>
        <DocumentFileInput inputRef={fileInput} onFile={(file) => void choose(file)} />
      </div>
      <p id={`${ids}-other-status`} className={read && !read.ok ? 'field__error compare-with__status' : 'muted compare-with__status'} role={read && !read.ok ? 'alert' : 'status'}>
        {read === null ? 'Made with Share… in the other design (or a file from Export file).' : read.ok ? `Read ${other.from === 'file' ? `“${other.name}”` : 'the link'}: ${describe(read.value)}.` : read.error}
      </p>
      <fieldset className="compare-with__names">
        <legend>Names of the two sides</legend>
        {nameField('a', 'Left: this diagram')}
        {nameField('b', 'Right: the other design')}
      </fieldset>
      {made && !made.ok && (
        <p className="field__error" role="alert">
          {made.error}
        </p>
      )}
      <label htmlFor={`${ids}-link`}>Comparison link</label>
      <input
        id={`${ids}-link`}
        ref={linkField}
        type="text"
        readOnly
        value={url}
        placeholder={empty ? 'Nothing to compare yet' : otherDiagram ? 'Ready once both sides have a name of their own' : 'Ready once the other design is read'}
        onFocus={(e) => e.target.setSelectionRange(0, e.target.value.length, 'backward')}
      />
      <p className="muted" aria-live="polite">
        {copied === null
          ? url
            ? `${url.length.toLocaleString('en-US')} characters. It holds both designs: whoever opens it sees this comparison.`
            : '\u00a0'
          : copied
            ? 'Copied to the clipboard.'
            : 'This browser did not allow copying: the link is selected, press Ctrl+C.'}
      </p>
      <div className="button-row">
        {/* a real link: the new tab opens on the click itself (no popup blocker) and can be middle-clicked */}
        {url ? (
          <a className="button primary" href={url} target="_blank" rel="noopener">
            Open the comparison ↗
          </a>
        ) : (
          <button type="button" className="primary" disabled>
            Open the comparison ↗
          </button>
        )}
        <button type="button" onClick={() => void copy()} disabled={!url}>
          Copy link
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  )
}
