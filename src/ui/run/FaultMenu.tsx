import { useEffect, useRef, useState } from 'react'
import { useDiagramStructure } from '../../store/react/editorContext'
import { useRunner } from '../../store/react/runContext'
import { useFaultChoices } from './useFaultChoices'

export interface FaultMenuRequest {
  target: { node: string } | { link: string }
  /** where to open, in page pixels */
  x: number
  y: number
}

/**
 * The context menu of a node or link (right-click, or the context-menu key on a focused
 * one): the faults that can be injected into it now. Arrow keys move, Escape closes.
 */
export function FaultMenu({ request, onClose }: { request: FaultMenuRequest; onClose(): void }) {
  const runner = useRunner()
  const diagram = useDiagramStructure()
  const { choices } = useFaultChoices(request.target)
  const menu = useRef<HTMLDivElement>(null)
  // whoever opened the menu (a focused node, with the context-menu key) gets focus back
  const [opener] = useState(() => document.activeElement as HTMLElement | null)
  const closeAndReturn = () => {
    onClose()
    if (opener && opener !== document.body && opener.isConnected) opener.focus()
  }

  useEffect(() => {
    // the first item, or the menu itself when it only says why there is none (Escape still closes it)
    ;(menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]') ?? menu.current)?.focus()
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose()
    }
    window.addEventListener('pointerdown', away, true)
    return () => window.removeEventListener('pointerdown', away, true)
  }, [onClose])

  const onKey = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const i = items.indexOf(document.activeElement as HTMLButtonElement)
    if (e.key === 'Escape') closeAndReturn()
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus()
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus()
    else return
    e.preventDefault()
    e.stopPropagation()
  }

  const name = 'node' in request.target ? diagram.nodes.find((n) => n.id === (request.target as { node: string }).node)?.label : 'this link'
  return (
    <div ref={menu} className="fault-menu" role="menu" tabIndex={-1} aria-label={`Faults for ${name ?? 'this node'}`} style={{ left: request.x, top: request.y }} onKeyDown={onKey}>
      {choices.length === 0 ? (
        <p className="fault-menu__empty">Only services, databases and links can be broken.</p>
      ) : (
        choices.map((c) => (
          <button
            key={c.label}
            type="button"
            role="menuitem"
            className={c.harmful ? 'danger' : undefined}
            title={c.hint}
            onClick={() => {
              runner.injectFault(c.fault)
              closeAndReturn()
            }}
          >
            {c.label}
          </button>
        ))
      )}
    </div>
  )
}
