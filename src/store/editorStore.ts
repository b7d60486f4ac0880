import { addFault, describeFault, keepValidFaults, MAX_SEED, removeFaults, type Fault } from '../model/faults'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { err, ok, type Result } from '../lib/result'
import * as edit from '../model/edits'
import { roomFor } from '../model/invariants'
import { canRedo, canUndo, closeRun, commitGesture, record, redo, replacePresent, startHistory, undo, type History } from '../model/history'
import { sameFault } from '../model/lessonState'
import type { Diagram, LinkKind, NodeKind } from '../model/types'

/**
 * The editor's state: the diagram with its undo history, the selection, the clipboard
 * and the latest notice. Vanilla zustand (no React here); React hooks live in store/react.
 * Every change to the diagram goes through the pure edits of the model layer.
 */
export interface Selection {
  nodes: readonly string[]
  links: readonly string[]
}

export interface Notice {
  /** increases with every notice, so the same text twice still announces */
  id: number
  text: string
  tone: 'info' | 'error'
}

export interface EditorState {
  history: History<Diagram>
  selection: Selection
  clipboard: edit.Fragment | null
  /** how many times the clipboard was pasted, to stagger copies */
  pastes: number
  notice: Notice | null
  /** what a screen reader should hear after an action that shows no notice (add, delete, undo…) */
  announcement: Notice | null
  /** the diagram when the current drag began; null when no drag is in progress */
  gestureBase: Diagram | null
  /**
   * How many times the whole diagram was replaced (a link, a file, a scenario, New
   * diagram): what introduces a diagram to its reader (its notes) shows itself again when
   * this changes, but not after an undo or a reload.
   */
  replaced: number
}

export interface EditorActions {
  /** the new node's id, or null when the diagram is full (a notice says so) */
  addNode(kind: NodeKind, at: { x: number; y: number }): string | null
  /**
   * `live` moves during a drag (one undo step at `end`); `once` is a single step (tidy-up);
   * `nudge` is an arrow-key move: a run of them on the same nodes is one step.
   */
  moveNodes(positions: ReadonlyMap<string, { x: number; y: number }>, phase: 'live' | 'end' | 'once' | 'nudge'): void
  rename(id: string, raw: string): Result<void>
  setNodeSetting(id: string, key: string, raw: unknown): Result<void>
  connect(source: string, target: string, kind?: LinkKind): Result<string>
  setLinkKind(id: string, kind: LinkKind): Result<void>
  setLinkSetting(id: string, key: string, raw: unknown): Result<void>
  /** The diagram's title or notes as typed; a run of typing in one of them is one undo step. */
  setAbout(key: 'title' | 'notes', raw: string): Result<void>
  moveLinkInOrder(id: string, delta: -1 | 1): void
  select(selection: Selection): void
  remove(nodeIds: readonly string[], linkIds: readonly string[]): void
  deleteSelection(): void
  copySelection(): boolean
  paste(): void
  duplicateSelection(): void
  undo(): void
  redo(): void
  /** Replace the whole diagram as one undoable step (new diagram, open a file). */
  replaceDiagram(d: Diagram, message?: string): void
  /** Put a fault on the diagram's timeline (one undoable step; a run applies it at its instant). */
  addFault(fault: Fault): void
  /** Take these faults (objects of the diagram's timeline) off it: one undoable step. */
  removeFaults(faults: readonly Fault[]): void
  /**
   * Replace the whole fault timeline (a lesson step). A run of these is one undoable step;
   * faults equal to ones already there keep their objects, so the run sees appended faults
   * as appended; the same timeline again changes nothing.
   */
  setFaults(faults: readonly Fault[]): void
  /** The run's seed: a whole number (one undoable step). */
  setSeed(seed: number): Result<void>
  notify(text: string, tone?: Notice['tone']): void
  dismissNotice(): void
  /** say something to screen readers only */
  announce(text: string): void
}

export type Editor = EditorState & EditorActions
export type EditorStore = StoreApi<Editor>

export const selectDiagram = (s: EditorState) => s.history.present
export const selectCanUndo = (s: EditorState) => canUndo(s.history)
export const selectCanRedo = (s: EditorState) => canRedo(s.history)

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function samePositions(a: Diagram, b: Diagram): boolean {
  return a.nodes.length === b.nodes.length && a.nodes.every((n, i) => n.x === b.nodes[i]!.x && n.y === b.nodes[i]!.y && n.id === b.nodes[i]!.id)
}

const EMPTY_SELECTION: Selection = { nodes: [], links: [] }
const PASTE_STEP = 30

export function createEditorStore(initial: Diagram = edit.EMPTY_DIAGRAM): EditorStore {
  let noticeId = 0
  return createStore<Editor>()((set, get) => {
    // every edit goes through here, so a fault naming a node or link that is gone is dropped with it
    const commit = (next: Diagram, tag: string | null = null) => set((s) => ({ history: record(s.history, keepValidFaults(next), tag), gestureBase: null }))
    const present = () => get().history.present
    /** Drop selected ids that no longer exist (after undo, delete, replace). */
    const pruneSelection = () =>
      set((s) => {
        const d = s.history.present
        const nodes = s.selection.nodes.filter((id) => d.nodes.some((n) => n.id === id))
        const links = s.selection.links.filter((id) => d.links.some((l) => l.id === id))
        return nodes.length === s.selection.nodes.length && links.length === s.selection.links.length ? s : { selection: { nodes, links } }
      })

    return {
      history: startHistory(initial),
      selection: EMPTY_SELECTION,
      clipboard: null,
      pastes: 0,
      notice: null,
      announcement: null,
      gestureBase: null,
      replaced: 0,

      addNode(kind, at) {
        const full = roomFor(present(), 1, 0)
        if (full) {
          get().notify(full, 'error')
          return null
        }
        const { diagram, id } = edit.addNode(present(), kind, at)
        commit(diagram)
        set({ selection: { nodes: [id], links: [] } })
        get().announce(`Added ${diagram.nodes.at(-1)?.label}.`)
        return id
      },
      moveNodes(positions, phase) {
        const s = get()
        const next = edit.moveNodes(s.history.present, positions)
        if (phase === 'live') {
          set({ history: replacePresent(s.history, next), gestureBase: s.gestureBase ?? s.history.present })
        } else if (phase === 'end') {
          const base = s.gestureBase
          if (base && samePositions(base, next)) {
            // dragged and put back: no step, and the present is the old diagram again
            set({ history: replacePresent(s.history, base), gestureBase: null })
          } else {
            const moved = { ...s.history, present: next }
            set({ history: base ? commitGesture(moved, base) : record(s.history, next), gestureBase: null })
          }
        } else if (phase === 'nudge') {
          commit(next, `nudge:${[...positions.keys()].join(',')}`)
        } else {
          commit(next)
        }
      },
      rename(id, raw) {
        const r = edit.renameNode(present(), id, raw)
        if (!r.ok) return r
        commit(r.value)
        return ok(undefined)
      },
      setNodeSetting(id, key, raw) {
        const r = edit.setNodeSetting(present(), id, key, raw)
        if (!r.ok) return r
        commit(r.value, `node:${id}:${key}`)
        return ok(undefined)
      },
      connect(source, target, kind) {
        const full = roomFor(present(), 0, 1)
        const r = full ? err(full) : edit.connect(present(), source, target, kind)
        if (!r.ok) {
          get().notify(r.error, 'error')
          return r
        }
        commit(r.value.diagram)
        return ok(r.value.id)
      },
      setLinkKind(id, kind) {
        const r = edit.setLinkKind(present(), id, kind)
        if (!r.ok) return r
        commit(r.value)
        return ok(undefined)
      },
      setLinkSetting(id, key, raw) {
        const r = edit.setLinkSetting(present(), id, key, raw)
        if (!r.ok) return r
        commit(r.value, `link:${id}:${key}`)
        return ok(undefined)
      },
      setAbout(key, raw) {
        const r = edit.setAbout(present(), key, raw)
        if (!r.ok) return r
        commit(r.value, `about:${key}`)
        return ok(undefined)
      },
      moveLinkInOrder(id, delta) {
        commit(edit.moveLinkInOrder(present(), id, delta))
      },
      select(selection) {
        const s = get().selection
        const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])
        if (same(s.nodes, selection.nodes) && same(s.links, selection.links)) return
        // a new selection starts new edits: typing in a field again later is its own step
        set((st) => ({ selection, history: closeRun(st.history) }))
      },
      remove(nodeIds, linkIds) {
        const before = present()
        const after = edit.removeElements(before, nodeIds, linkIds)
        commit(after)
        pruneSelection()
        const nodes = before.nodes.length - after.nodes.length
        const links = before.links.length - after.links.length
        if (nodes + links > 0) get().announce(`Deleted ${plural(nodes, 'node')} and ${plural(links, 'link')}.`)
      },
      deleteSelection() {
        const { nodes, links } = get().selection
        get().remove(nodes, links)
      },
      copySelection() {
        const ids = get().selection.nodes
        if (ids.length === 0) return false
        set({ clipboard: edit.copyFragment(present(), ids), pastes: 0 })
        return true
      },
      paste() {
        const { clipboard, pastes } = get()
        if (!clipboard || clipboard.nodes.length === 0) return
        const full = roomFor(present(), clipboard.nodes.length, clipboard.links.length)
        if (full) return get().notify(full, 'error')
        const step = PASTE_STEP * (pastes + 1)
        const { diagram, nodeIds } = edit.pasteFragment(present(), clipboard, { x: step, y: step })
        commit(diagram)
        set({ pastes: pastes + 1, selection: { nodes: nodeIds, links: [] } })
        get().announce(`Pasted ${plural(nodeIds.length, 'node')}.`)
      },
      duplicateSelection() {
        const ids = get().selection.nodes
        if (ids.length === 0) return
        const fragment = edit.copyFragment(present(), ids)
        const full = roomFor(present(), fragment.nodes.length, fragment.links.length)
        if (full) return get().notify(full, 'error')
        const { diagram, nodeIds } = edit.pasteFragment(present(), fragment, { x: PASTE_STEP, y: PASTE_STEP })
        commit(diagram)
        set({ selection: { nodes: nodeIds, links: [] } })
        get().announce(`Duplicated ${plural(nodeIds.length, 'node')}.`)
      },
      // Undo and redo wait for a drag to end: undoing mid-drag would put a position the
      // user never let go at on the redo stack.
      undo() {
        if (get().gestureBase || get().history.past.length === 0) return
        set((s) => ({ history: undo(s.history) }))
        pruneSelection()
        get().announce('Undone.')
      },
      redo() {
        if (get().gestureBase || get().history.future.length === 0) return
        set((s) => ({ history: redo(s.history) }))
        pruneSelection()
        get().announce('Redone.')
      },
      replaceDiagram(d, message) {
        commit(d)
        set((s) => ({ selection: EMPTY_SELECTION, replaced: s.replaced + 1 }))
        if (message) get().notify(message)
      },
      addFault(fault) {
        commit(addFault(present(), fault))
        get().announce(`${describeFault(fault, present())} at ${(fault.at / 1000).toFixed(1)} s.`)
      },
      removeFaults(faults) {
        const before = present()
        const after = removeFaults(before, faults)
        if (after === before) return
        commit(after)
        const n = (before.faults?.length ?? 0) - (after.faults?.length ?? 0)
        const only = faults.length === 1 ? faults[0]! : null
        // several at once is worth a visible word on how to get them back
        if (only) get().announce(`Removed the fault at ${(only.at / 1000).toFixed(1)} s: ${describeFault(only, before)}.`)
        else get().notify(`Removed ${plural(n, 'fault')} from the timeline. Undo brings them back.`)
      },
      setFaults(faults) {
        const d = present()
        const old = [...(d.faults ?? [])]
        const next = faults.map((f) => {
          const i = old.findIndex((o) => sameFault(o, f))
          return i < 0 ? f : old.splice(i, 1)[0]!
        })
        const current = d.faults ?? []
        if (next.length === current.length && next.every((f, i) => f === current[i])) return
        const { faults: _old, ...rest } = d
        commit(next.length > 0 ? { ...rest, faults: next } : rest, 'faults:set')
      },
      setSeed(seed) {
        if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) return err(`The seed must be a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}.`)
        const d = present()
        if ((d.seed ?? 1) === seed) return ok(undefined)
        const { seed: _old, ...rest } = d
        commit(seed === 1 ? rest : { ...rest, seed })
        return ok(undefined)
      },
      notify(text, tone = 'info') {
        set({ notice: { id: ++noticeId, text, tone } })
      },
      dismissNotice() {
        set({ notice: null })
      },
      announce(text) {
        set({ announcement: { id: ++noticeId, text, tone: 'info' } })
      },
    }
  })
}
