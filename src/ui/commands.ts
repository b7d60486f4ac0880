import type { ReactFlowInstance } from '@xyflow/react'
import { ANIMATED_FIT_VIEW_OPTIONS } from '../canvas/fitView'
import { EMPTY_DIAGRAM } from '../model/edits'
import { fileNameFor } from '../model/fileName'
import { canRedo, canUndo } from '../model/history'
import type { EditorStore } from '../store/editorStore'
import type { Runner } from '../store/run/types'

/**
 * User actions, registered once and used by the toolbar, the keyboard shortcuts and the
 * tests, so a shortcut and its button can never disagree.
 */
export interface CommandContext {
  store: EditorStore
  flow: Pick<ReactFlowInstance, 'fitView' | 'getNodes'>
  confirm(title: string, message: string, confirmLabel: string): Promise<boolean>
  toggleTheme(): void
  /** show the link that holds the diagram (encoding lives in the app layer) */
  openShare(): void
  /** download the diagram as a .wireplay.json file */
  exportFile(): void
  /** choose a .wireplay.json file to open */
  openFile(): void
  /** "Compare with…": the diagram beside another design of the user's (the editor only; offered by the Share dialog and the gallery) */
  compareWith?(): void
  /** show the gallery of built-in scenarios */
  openScenarios(): void
  /** the live run; null until the engine has loaded */
  runner: Runner | null
  /** enter or leave presenter mode (the editor only) */
  present?(): void
}

export interface Command {
  label: string
  /** aria-keyshortcuts syntax */
  keys?: string
  enabled?(ctx: CommandContext): boolean
  run(ctx: CommandContext): void | Promise<void>
}

const hasNodeSelection = (ctx: CommandContext) => ctx.store.getState().selection.nodes.length > 0
const hasSelection = (ctx: CommandContext) => {
  const s = ctx.store.getState().selection
  return s.nodes.length + s.links.length > 0
}

const hasRun = (ctx: CommandContext) => ctx.runner !== null

export const COMMANDS = {
  runPause: {
    label: 'Run',
    keys: 'Space',
    enabled: hasRun,
    run: (ctx) => ctx.runner?.store.getState().toggle(),
  },
  step: {
    label: 'Step',
    enabled: hasRun,
    run: (ctx) => ctx.runner?.store.getState().step(),
  },
  resetRun: {
    label: 'Reset',
    enabled: hasRun,
    run: (ctx) => ctx.runner?.store.getState().reset(),
  },
  newDiagram: {
    label: 'New diagram',
    async run(ctx) {
      const d = ctx.store.getState().history.present
      if (d.nodes.length > 0) {
        const ok = await ctx.confirm('Start a new diagram?', `This clears the canvas (${d.nodes.length} nodes, ${d.links.length} links). You can still undo it.`, 'Discard and start new')
        if (!ok) return
      }
      ctx.store.getState().replaceDiagram(EMPTY_DIAGRAM, 'New diagram. Undo brings the previous one back.')
    },
  },
  undo: {
    label: 'Undo',
    keys: 'Control+Z Meta+Z',
    enabled: (ctx) => canUndo(ctx.store.getState().history),
    run: (ctx) => ctx.store.getState().undo(),
  },
  redo: {
    label: 'Redo',
    keys: 'Control+Shift+Z Meta+Shift+Z Control+Y',
    enabled: (ctx) => canRedo(ctx.store.getState().history),
    run: (ctx) => ctx.store.getState().redo(),
  },
  copy: {
    label: 'Copy',
    keys: 'Control+C Meta+C',
    enabled: hasNodeSelection,
    run: (ctx) => {
      if (ctx.store.getState().copySelection()) ctx.store.getState().notify('Copied. Paste with Ctrl+V.')
    },
  },
  paste: {
    label: 'Paste',
    keys: 'Control+V Meta+V',
    enabled: (ctx) => (ctx.store.getState().clipboard?.nodes.length ?? 0) > 0,
    run: (ctx) => ctx.store.getState().paste(),
  },
  duplicate: {
    label: 'Duplicate',
    keys: 'Control+D Meta+D',
    enabled: hasNodeSelection,
    run: (ctx) => ctx.store.getState().duplicateSelection(),
  },
  delete: {
    label: 'Delete',
    keys: 'Delete Backspace',
    enabled: hasSelection,
    run: (ctx) => ctx.store.getState().deleteSelection(),
  },
  tidy: {
    label: 'Tidy up',
    keys: 'Shift+L',
    enabled: (ctx) => ctx.store.getState().history.present.nodes.length > 1,
    async run(ctx) {
      // dagre is loaded only when someone asks for a layout
      const { tidyLayout } = await import('../model/layout')
      ctx.store.getState().moveNodes(tidyLayout(ctx.store.getState().history.present), 'once')
      requestAnimationFrame(() => void ctx.flow.fitView(ANIMATED_FIT_VIEW_OPTIONS))
    },
  },
  fitView: {
    label: 'Fit view',
    keys: 'Shift+1',
    run: (ctx) => void ctx.flow.fitView(ANIMATED_FIT_VIEW_OPTIONS),
  },
  share: {
    label: 'Share',
    run: (ctx) => ctx.openShare(),
  },
  exportFile: {
    label: 'Export file',
    keys: 'Control+S Meta+S',
    run: (ctx) => ctx.exportFile(),
  },
  exportPng: {
    label: 'Export PNG',
    enabled: (ctx) => ctx.store.getState().history.present.nodes.length > 0,
    run: (ctx) => exportPicture(ctx, 'png'),
  },
  exportSvg: {
    label: 'Export SVG',
    enabled: (ctx) => ctx.store.getState().history.present.nodes.length > 0,
    run: (ctx) => exportPicture(ctx, 'svg'),
  },
  openFile: {
    label: 'Open file',
    keys: 'Control+O Meta+O',
    run: (ctx) => ctx.openFile(),
  },
  scenarios: {
    label: 'Scenarios…',
    run: (ctx) => ctx.openScenarios(),
  },
  theme: {
    label: 'Toggle theme',
    run: (ctx) => ctx.toggleTheme(),
  },
  present: {
    label: 'Present',
    keys: 'F',
    enabled: (ctx) => ctx.present !== undefined,
    run: (ctx) => ctx.present?.(),
  },
} satisfies Record<string, Command>

export type CommandId = keyof typeof COMMANDS

async function exportPicture(ctx: CommandContext, format: 'png' | 'svg') {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')
  if (!viewport) return
  try {
    const { exportImage, downloadDataUrl } = await import('../canvas/exportImage')
    const { title } = ctx.store.getState().history.present
    const file = `${fileNameFor(title)}.${format}`
    downloadDataUrl(await exportImage(format, () => ctx.flow.getNodes(), viewport, title), file)
    ctx.store.getState().notify(`Exported ${file}.`)
  } catch {
    ctx.store.getState().notify(`The ${format.toUpperCase()} picture could not be made in this browser.`, 'error')
  }
}
