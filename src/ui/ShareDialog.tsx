import { useEffect, useRef, useState } from 'react'

/**
 * The link that holds the whole diagram, ready to copy. The diagram travels in the
 * fragment (after #), which browsers never send to a server.
 */
export function ShareDialog({ url, onClose }: { url: string | null; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const field = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (url && !d.open) {
      setCopied(null)
      d.showModal()
      field.current?.select()
    }
    if (!url && d.open) d.close()
  }, [url])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url ?? '')
      setCopied('yes')
    } catch {
      // clipboard refused (permissions, insecure context): leave the text selected to copy by hand
      field.current?.select()
      setCopied('no')
    }
  }
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby="share-title" onCancel={onClose} onClose={onClose}>
      <h2 id="share-title">Share this diagram</h2>
      <p>Anyone with this link opens the same diagram. It travels inside the link itself: nothing is uploaded.</p>
      <label htmlFor="share-link">Share link</label>
      <input id="share-link" ref={field} type="text" readOnly value={url ?? ''} onFocus={(e) => e.target.select()} />
      <p className="muted" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'This browser did not allow copying: the link is selected, press Ctrl+C.' : `${url?.length ?? 0} characters.`}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  )
}
