import { useEffect } from 'react'
import { COMMANDS, type CommandContext, type CommandId } from '../ui/commands'

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.closest('dialog[open]') !== null
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
  if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return 'delete'
  if (!mod && e.shiftKey && key === 'l') return 'tidy'
  if (!mod && e.shiftKey && (e.key === '!' || e.key === '1')) return 'fitView'
  return null
}

/** Keyboard shortcuts for the whole page, except while the user types in a field. */
export function useShortcuts(ctx: CommandContext) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return
      if (e.key === 'Escape') {
        ctx.store.getState().select({ nodes: [], links: [] })
        return
      }
      const id = commandForKey(e)
      if (!id) return
      const cmd = COMMANDS[id] as { enabled?: (c: CommandContext) => boolean; run: (c: CommandContext) => unknown }
      const enabled = !cmd.enabled || cmd.enabled(ctx)
      // leave the browser's own copy and paste alone when there is nothing of ours to act on
      if (enabled || id === 'duplicate' || id === 'undo' || id === 'redo') e.preventDefault()
      if (!enabled) return
      void cmd.run(ctx)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [ctx])
}
