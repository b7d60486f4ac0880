import { createContext, useContext } from 'react'
import type { CommandContext } from './commands'

export const CommandCtx = createContext<CommandContext | null>(null)

export function useCommandContext(): CommandContext {
  const ctx = useContext(CommandCtx)
  if (!ctx) throw new Error('useCommandContext needs a CommandCtx provider')
  return ctx
}
