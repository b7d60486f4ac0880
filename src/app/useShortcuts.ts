import { useEffect } from 'react'
import { COMMANDS, type CommandContext, type CommandId } from '../ui/commands'

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'password', 'tel', 'number'])

/** Where keys type text: every key belongs to the field. */
function editsText(el: HTMLElement): boolean {
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((el as HTMLInputElement).type)
}

const OWN_KEYS = '[role="log"], [role="listbox"], [role="menu"], [role="radiogroup"]'
/** Sliders and tabs move with these keys themselves; every other key (F, Ctrl+Z…) is still ours. */
const NAV_OWNERS = 'input[type="range"], [role="slider"], [role="tab"], [role="tablist"]'
const NAV_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'])

/** Selects and radio buttons use arrows and letters, but undo and Escape are still ours. */
function isChoice(el: HTMLElement): boolean {
  return el.tagName === 'SELECT' || (el.tagName === 'INPUT' && ['radio', 'checkbox'].includes((el as HTMLInputElement).type))
}

/** Which command a key press means, or null. Ctrl and Cmd are the same here. */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): CommandId | null {
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
  if (e.altKey) return null
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (mod && key === 'y') return 'redo'
  if (mod && key === 'c') return 'copy'
  if (mod && key === 'v') return 'paste'
  if (mod && key === 'd') return 'duplicate'
  if (mod && key === 's') return 'exportFile'
  if (mod && key === 'o') return 'openFile'
  if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return 'delete'
  if (!mod && e.shiftKey && key === 'l') return 'tidy'
  if (!mod && e.shiftKey && (e.key === '!' || e.key === '1')) return 'fitView'
  if (!mod && !e.shiftKey && e.key === ' ') return 'runPause'
  if (!mod && !e.shiftKey && key === 'f') return 'present'
  return null
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }
/** Same steps as React Flow's own arrow keys on a focused node: 5, or 20 with Shift. */
const NUDGE = 5
const NUDGE_FAST = 20

/** Keyboard shortcuts for the whole page, except while the user types in a field. */
export function useShortcuts(ctx: CommandContext) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = (e.target as HTMLElement | null) ?? document.body
      if (target.closest?.('dialog[open]') || editsText(target)) return
      const choice = isChoice(target)
      // the event log, lists and menus use arrows, Delete and letters themselves; sliders
      // and tabs only arrows and the like (so F still presents from a focused tab)
      if (target.closest?.(OWN_KEYS) && e.key !== 'Escape' && !(e.ctrlKey || e.metaKey)) return
      if (target.closest?.(NAV_OWNERS) && NAV_KEYS.has(e.key)) return
      if (e.key === 'Escape') {
        ctx.store.getState().select({ nodes: [], links: [] })
        return
      }
      const arrow = ARROWS[e.key]
      if (arrow) {
        // a focused node moves itself (React Flow); selects and radios use arrows to choose
        if (choice || target.closest?.('.react-flow__node') || e.ctrlKey || e.metaKey || e.altKey) return
        const { selection, history } = ctx.store.getState()
        if (selection.nodes.length === 0) return
        e.preventDefault()
        const step = e.shiftKey ? NUDGE_FAST : NUDGE
        const ids = new Set(selection.nodes)
        const moves = new Map(history.present.nodes.filter((n) => ids.has(n.id)).map((n) => [n.id, { x: n.x + arrow[0] * step, y: n.y + arrow[1] * step }]))
        ctx.store.getState().moveNodes(moves, 'nudge')
        return
      }
      const id = commandForKey(e)
      if (!id || (choice && id !== 'undo' && id !== 'redo')) return
      // Space presses a focused button or opens a menu; only elsewhere is it Run/Pause
      if (id === 'runPause' && target.closest?.('button, a, summary, [role="tab"], [role="slider"], input')) return
      const cmd = COMMANDS[id] as { enabled?: (c: CommandContext) => boolean; run: (c: CommandContext) => unknown }
      const enabled = !cmd.enabled || cmd.enabled(ctx)
      // leave the browser's own copy and paste alone when there is nothing of ours to act on
      if (enabled || ['duplicate', 'undo', 'redo', 'exportFile', 'openFile'].includes(id)) e.preventDefault()
      if (!enabled) return
      void cmd.run(ctx)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [ctx])
}
