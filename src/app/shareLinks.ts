import { useEffect, useRef, useState } from 'react'
import type { Result } from '../lib/result'
import type { Diagram } from '../model/types'
import { decodeLink, encodeLink, type LinkError, type LinkView, type SharedLink } from '../share/link'
import { toDocument } from '../share/document'
import type { EditorStore } from '../store/editorStore'

export type IncomingLink = Result<SharedLink, LinkError>

/** `?view=embed`: the read-only view for iframes (slides, course pages). */
export const EMBED_PARAM = 'view'
export const EMBED_VALUE = 'embed'

export function isEmbedView(): boolean {
  return new URLSearchParams(location.search).get(EMBED_PARAM) === EMBED_VALUE
}

/** The address that opens this diagram: the page's own, with the diagram in the fragment. */
export function shareUrlFor(d: Diagram, view: LinkView = {}, embed = false): string {
  return `${location.origin}${location.pathname}${embed ? `?${EMBED_PARAM}=${EMBED_VALUE}` : ''}#${encodeLink(d, undefined, view)}`
}

/**
 * The share link in the address bar, if any, decoded. The editor keeps no copy of it: the
 * diagram now lives in the editor and its autosave, and a reload must not re-open the
 * link. An embed keeps it, since the link is all it has.
 */
export function readIncomingLink(keep = false): IncomingLink | null {
  if (location.hash.length <= 1) return null
  const decoded = decodeLink(location.hash)
  if (!keep) history.replaceState(null, '', `${location.pathname}${location.search}`)
  return decoded
}

/**
 * Open share links: the one the page was opened with, and any pasted into the address bar
 * later. Replacing a diagram the user has is asked first, and is one undoable step either
 * way; a broken link leaves everything as it was and says why.
 */
export function useIncomingLinks(
  initial: { link: IncomingLink | null; askFirst: boolean },
  store: EditorStore,
  confirm: (title: string, message: string, confirmLabel: string) => Promise<boolean>,
  fitView: () => unknown,
  /** called with how the link says to watch the run (speed, start instant), if it says */
  onView: (view: LinkView) => void,
): { message: string | null; dismiss(): void; previous: Diagram | null; forgetPrevious(): void } {
  const [message, setMessage] = useState<string | null>(null)
  const [previous, setPrevious] = useState<Diagram | null>(null)
  const view = useRef(onView)
  useEffect(() => {
    view.current = onView
  })
  // read at the time of use: React Flow's function may change identity between renders
  const fit = useRef(fitView)
  useEffect(() => {
    fit.current = fitView
  })
  useEffect(() => {
    let cancelled = false
    const open = async (link: IncomingLink | null, askFirst: boolean) => {
      if (!link) return
      if (!link.ok) {
        setMessage(link.error.message)
        return
      }
      setMessage(null)
      const current = store.getState().history.present
      const theirs = link.value.diagram
      // the same diagram (say, the link of what is on screen, pasted again): nothing to do
      if (JSON.stringify(toDocument(current)) === JSON.stringify(toDocument(theirs))) {
        if (link.value.view) view.current(link.value.view)
        return
      }
      if (askFirst && current.nodes.length > 0) {
        const ok = await confirm('Open the shared diagram?', `It replaces the diagram on screen (${current.nodes.length} nodes). Yours stays one Undo away.`, 'Open shared diagram')
        if (!ok || cancelled) return
      }
      store.getState().replaceDiagram(theirs)
      // the diagram it replaced stays one click away (and one Undo)
      setPrevious(current.nodes.length > 0 ? current : null)
      if (link.value.view) view.current(link.value.view)
      requestAnimationFrame(() => void fit.current())
    }
    void open(initial.link, initial.askFirst)
    const onHash = () => void open(readIncomingLink(), true)
    window.addEventListener('hashchange', onHash)
    return () => {
      cancelled = true
      window.removeEventListener('hashchange', onHash)
    }
  }, [initial, store, confirm])
  return { message, dismiss: () => setMessage(null), previous, forgetPrevious: () => setPrevious(null) }
}

/** The editor does not hold fault timelines yet (the live simulation will); say so rather than drop them silently. */
