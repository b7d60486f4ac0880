import { ReactFlowProvider, useReactFlow, type Viewport } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { Canvas } from '../canvas/Canvas'
import type { EditorStore } from '../store/editorStore'
import { EditorContext } from '../store/react/editorContext'
import { CommandCtx } from '../ui/commandContext'
import type { CommandContext } from '../ui/commands'
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog'
import { ConflictBanner } from '../ui/ConflictBanner'
import { LinkErrorBanner } from '../ui/LinkErrorBanner'
import { ShareDialog } from '../ui/ShareDialog'
import { Hint } from '../ui/Hint'
import { Inspector } from '../ui/Inspector'
import { NoticeBar } from '../ui/NoticeBar'
import { Palette } from '../ui/Palette'
import { Toolbar } from '../ui/Toolbar'
import type { Autosave } from './autosave'
import { shareUrlFor, useIncomingLinks, type IncomingLink } from './shareLinks'
import { useShortcuts } from './useShortcuts'
import { useTheme } from './useTheme'

export interface AppProps {
  store: EditorStore
  /** a share link the page was opened with, already decoded; ask before replacing saved work */
  incoming: { link: IncomingLink | null; askFirst: boolean }
  /** null where the browser blocks storage */
  autosave: Autosave | null
  initialView: Viewport | undefined
  showHint: boolean
  onDismissHint(): void
  onViewportChange(v: Viewport): void
}

export function App(props: AppProps) {
  return (
    <EditorContext.Provider value={props.store}>
      <ReactFlowProvider>
        <Editor {...props} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  )
}

function Editor({ store, autosave, incoming, initialView, showHint, onDismissHint, onViewportChange }: AppProps) {
  const { theme, toggle } = useTheme()
  const flow = useReactFlow()
  const [confirmRequest, setConfirmRequest] = useState<ConfirmRequest | null>(null)
  const [hint, setHint] = useState(showHint)
  // the hint describes the starter diagram; once the canvas is cleared it no longer applies
  useEffect(() => store.subscribe((s) => s.history.present.nodes.length === 0 && setHint(false)), [store])

  const confirm = useCallback(
    (title: string, message: string, confirmLabel: string) =>
      new Promise<boolean>((resolve) =>
        setConfirmRequest({
          title,
          message,
          confirmLabel,
          resolve(ok) {
            setConfirmRequest(null)
            resolve(ok)
          },
        }),
      ),
    [],
  )
  const [shareUrl, setShareUrl] = useState<string | null>(null)
  const openShare = useCallback(() => setShareUrl(shareUrlFor(store.getState().history.present)), [store])
  const ctx: CommandContext = useMemo(() => ({ store, flow, confirm, toggleTheme: toggle, openShare }), [store, flow, confirm, toggle, openShare])
  useShortcuts(ctx)
  const linkError = useIncomingLinks(incoming, store, confirm, flow.fitView)

  return (
    <CommandCtx.Provider value={ctx}>
      <div className="app">
        <Toolbar themeLabel={theme === 'dark' ? 'Light theme' : 'Dark theme'} />
        {autosave && <SaveConflict autosave={autosave} />}
        {linkError.message && <LinkErrorBanner message={linkError.message} onDismiss={linkError.dismiss} />}
        {hint && (
          <Hint
            onDismiss={() => {
              setHint(false)
              onDismissHint()
            }}
          />
        )}
        <main className="workspace">
          <Palette />
          <Canvas colorMode={theme} initialViewport={initialView} onViewportChange={onViewportChange} />
          <Inspector />
        </main>
        <NoticeBar />
        <ConfirmDialog request={confirmRequest} />
        <ShareDialog url={shareUrl} onClose={() => setShareUrl(null)} />
      </div>
    </CommandCtx.Provider>
  )
}

function SaveConflict({ autosave }: { autosave: Autosave }) {
  const status = useStore(autosave.status)
  if (status.kind !== 'conflict') return null
  return <ConflictBanner canTakeTheirs={status.theirs !== null} onKeepMine={autosave.keepMine} onTakeTheirs={autosave.takeTheirs} />
}
