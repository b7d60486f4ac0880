import type { Viewport } from '@xyflow/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { Diagram } from '../model/types'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { formatProblems, parseDocument } from '../share/document'
import { createEditorStore } from '../store/editorStore'
import { App } from './App'
import { loadAutosave, openStorage, startAutosave, type Autosave } from './autosave'
import { isEmbedView, readIncomingLink } from './shareLinks'
import { EmbedApp } from './EmbedApp'
import { installTestBridge } from './testBridge'

const HINT_KEY = 'wireplay.hintDismissed'

function starter(): Diagram {
  const parsed = parseDocument(STARTER_DOCUMENT)
  // the starter ships with the app and is checked by unit tests; failing here is a build bug
  if (!parsed.ok) throw new Error(`Starter diagram is invalid:\n${formatProblems(parsed.error)}`)
  return parsed.value
}

/** Composition root: restore the saved diagram (or the starter on a first visit), start autosave, render. */
export function boot(rootElement: HTMLElement) {
  if (isEmbedView()) return bootEmbed(rootElement)
  const storage = openStorage()
  const saved = storage ? loadAutosave(storage) : ({ kind: 'none' } as const)
  const store = createEditorStore(saved.kind === 'ok' ? saved.diagram : starter())
  if (!storage) store.getState().notify('This browser blocks storage for this page: the diagram will not be kept after a reload.', 'error')
  if (saved.kind === 'unreadable') store.getState().notify(saved.message, 'error')
  let view: Viewport | undefined = saved.kind === 'ok' ? saved.view : undefined
  const autosave: Autosave | null = storage ? startAutosave(store, storage, () => view, { held: saved.kind === 'unreadable' && !saved.setAside }) : null
  installTestBridge(store)
  // only a diagram the user saved is worth a question; the starter is simply replaced
  const incoming = { link: readIncomingLink(), askFirst: saved.kind === 'ok' }

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
function bootEmbed(rootElement: HTMLElement) {
  const link = readIncomingLink(true)
  const store = createEditorStore(link?.ok ? link.value.diagram : starter())
  installTestBridge(store)
  const problem = link === null ? 'This embed holds no diagram; it shows the starter diagram.' : link.ok ? null : link.error.message
  createRoot(rootElement).render(
    <StrictMode>
      <EmbedApp store={store} problem={problem} view={link?.ok ? (link.value.view ?? null) : null} />
    </StrictMode>,
  )
}
