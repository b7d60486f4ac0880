import type { Viewport } from '@xyflow/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createEditorStore } from '../store/editorStore'
import { App } from './App'
import { loadAutosave, openStorage, startAutosave, type Autosave } from './autosave'
import { COMPARE_VALUE, EMBED_PARAM, isEmbedView, readIncomingLink } from './shareLinks'
import { isUntouchedStarter, starter } from './starterDiagram'
import { installTestBridge } from './testBridge'
import { AUDIENCE_VIEW } from '../ui/present/protocol'

const HINT_KEY = 'wireplay.hintDismissed'

/** The fragment of a comparison of two designs (share/compareLink.ts: "#a=…&b=…"),
 * recognised here without loading its codec. */
const COMPARISON_FRAGMENT = /^#(?=(?:[^&]*&)*a=)(?=(?:[^&]*&)*b=)/

/** Composition root: restore the saved diagram (or the starter on a first visit), start
 * autosave, read the link the page was opened with (if any), render. */
export function boot(rootElement: HTMLElement) {
  if (isEmbedView()) return void bootEmbed(rootElement)
  if (new URLSearchParams(location.search).get(EMBED_PARAM) === COMPARE_VALUE) return void bootCompare(rootElement)
  // a comparison's fragment opened without its "?view=compare" (the address cut, or only
  // the part after "#" pasted): it is still a comparison, so open it as one
  if (COMPARISON_FRAGMENT.test(location.hash)) {
    history.replaceState(null, '', `${location.pathname}?${EMBED_PARAM}=${COMPARE_VALUE}${location.hash}`)
    return void bootCompare(rootElement)
  }
  if (new URLSearchParams(location.search).get('view') === AUDIENCE_VIEW) return bootAudience(rootElement)
  return void bootEditor(rootElement)
}

async function bootEditor(rootElement: HTMLElement) {
  const storage = openStorage()
  const saved = storage ? loadAutosave(storage) : ({ kind: 'none' } as const)
  const store = createEditorStore(saved.kind === 'ok' ? saved.diagram : starter())
  if (!storage) store.getState().notify('This browser blocks storage for this page: the diagram will not be kept after a reload.', 'error')
  if (saved.kind === 'unreadable') store.getState().notify(saved.message, 'error')
  let view: Viewport | undefined = saved.kind === 'ok' ? saved.view : undefined
  const autosave: Autosave | null = storage ? startAutosave(store, storage, () => view, { held: saved.kind === 'unreadable' && !saved.setAside }) : null
  installTestBridge(store)
  // only a diagram the user saved is worth a question; the starter is simply replaced,
  // also when a visit before left it saved exactly as it ships
  // (the same rule as for a link pasted later, in shareLinks.ts)
  const incoming = { link: await readIncomingLink(), askFirst: saved.kind === 'ok' && !isUntouchedStarter(saved.diagram) }

  let hintDismissed = false
  try {
    hintDismissed = storage?.getItem(HINT_KEY) === '1'
  } catch {
    // show the hint
  }

  createRoot(rootElement).render(
    <StrictMode>
      <App
        store={store}
        autosave={autosave}
        incoming={incoming}
        initialView={view}
        showHint={saved.kind !== 'ok' && !hintDismissed && !incoming.link?.ok}
        onDismissHint={() => {
          try {
            storage?.setItem(HINT_KEY, '1')
          } catch {
            // not remembered
          }
        }}
        onViewportChange={(v) => {
          view = { x: Math.round(v.x), y: Math.round(v.y), zoom: +v.zoom.toFixed(4) }
          autosave?.saveSoon()
        }}
      />
    </StrictMode>,
  )
}

/** The embed view: the link's diagram read-only, nothing read from or written to storage. */
async function bootEmbed(rootElement: HTMLElement) {
  // the embed view is not the editor: loaded only here, beside the link's decoder
  const [link, { EmbedApp }] = await Promise.all([readIncomingLink(true), import('./EmbedApp')])
  const store = createEditorStore(link?.ok ? link.value.diagram : starter())
  installTestBridge(store)
  const problem = link === null ? 'This embed holds no diagram; it shows the starter diagram.' : link.ok ? null : link.error.message
  createRoot(rootElement).render(
    <StrictMode>
      <EmbedApp store={store} problem={problem} view={link?.ok ? (link.value.view ?? null) : null} />
    </StrictMode>,
  )
}

/**
 * The audience window a presenter opens (`?view=audience`): it shows what the presenter's
 * window tells it (loaded lazily: most visits never need it); nothing read from or
 * written to storage.
 */
function bootAudience(rootElement: HTMLElement) {
  const store = createEditorStore()
  installTestBridge(store)
  void import('./AudienceApp').then(({ AudienceApp }) =>
    createRoot(rootElement).render(
      <StrictMode>
        <AudienceApp store={store} />
      </StrictMode>,
    ),
  )
}

/**
 * The compare view: the variants of a built-in comparison (`&c=<id>`), or two designs of
 * the user's own held by the fragment; nothing read from or written to storage.
 */
async function bootCompare(rootElement: HTMLElement) {
  const id = new URLSearchParams(location.search).get('c')
  // the view and what it reads are not needed by the editor: loaded here only
  const [{ CompareApp }, sources] = await Promise.all([import('./CompareApp'), import('./compareSources')])
  const content = id === null && location.hash.length > 1 ? await sources.designComparison(location.hash) : await sources.builtInComparison(id ?? '')
  const variants = content.variants.map(({ diagram, ...v }) => ({ ...v, store: createEditorStore(diagram) }))
  createRoot(rootElement).render(
    <StrictMode>
      <CompareApp subject={content.subject} variants={variants} problem={content.problem} />
    </StrictMode>,
  )
}
