import { useEffect, useRef, useState } from 'react'
import { err, ok, type Result } from '../lib/result'
import type { Diagram } from '../model/types'
import type { LinkError, LinkView, SharedLink } from '../share/link'
import { toDocument } from '../share/document'
import type { EditorStore } from '../store/editorStore'
import type { ScenarioState } from '../store/scenarioStore'
import { isDiagram, scenarioRelation } from '../ui/scenarios/relation'
import type { Teaching } from '../ui/teachContext'
import type { CompareWithRequest } from '../ui/CompareWithDialog'
import { readDocumentFile } from './files'
import { checkScenarioTarget, parseScenarioFragment, scenarioFragment, type ScenarioTarget } from './scenarioLink'
import { isUntouchedStarter } from './starterDiagram'

/** A diagram link (`#w1.…`) or a link to a built-in scenario and lesson step (`#s.<id>.<step>`), read. */
export type IncomingLink = Result<SharedLink | ScenarioTarget, LinkError>

/** `?view=embed`: the read-only view for iframes (slides, course pages). */
export const EMBED_PARAM = 'view'
export const EMBED_VALUE = 'embed'

/** `?view=compare`: variants side by side (a built-in comparison's, or two designs in the fragment). */
export const COMPARE_VALUE = 'compare'

export function isEmbedView(): boolean {
  return new URLSearchParams(location.search).get(EMBED_PARAM) === EMBED_VALUE
}

/** The link codec (deflate and the compact form): most visits neither open nor make a
 * diagram link, so it loads on first use and stays out of the initial bundle. */
const loadCodec = () => import('../share/link')

/** Makes the addresses that open a diagram (the page's own, with the diagram in the
 * fragment) once the codec has loaded; rejects when it cannot be loaded. */
export async function shareUrlMaker(): Promise<(d: Diagram, view?: LinkView, embed?: boolean) => string> {
  const { encodeLink } = await loadCodec()
  return (d, view = {}, embed = false) => `${location.origin}${location.pathname}${embed ? `?${EMBED_PARAM}=${EMBED_VALUE}` : ''}#${encodeLink(d, undefined, view)}`
}

/**
 * What "Compare with…" needs, with the comparison codec loaded (it brings the link codec);
 * rejects when it cannot be loaded. `current` is the editor's diagram at this moment: the
 * dialog reads it, never writes it.
 */
export async function compareWithRequest(current: Diagram): Promise<CompareWithRequest> {
  const codec = await import('../share/compareLink')
  return {
    current,
    readPasted(text) {
      const r = codec.readPastedDesign(text)
      return r.ok ? r : err(r.error.message)
    },
    async readFile(file) {
      const r = await readDocumentFile(file)
      return r.ok ? ok(r.value.diagram) : r
    },
    defaultNames: codec.defaultNames,
    checkNames: codec.checkNames,
    nameMax: codec.NAME_MAX,
    link(designs) {
      const r = codec.encodeCompareFragment(designs)
      return r.ok ? ok(`${location.origin}${location.pathname}?${EMBED_PARAM}=${COMPARE_VALUE}#${r.value}`) : err(r.error.message)
    },
  }
}

/** A diagram link, decoded; a codec that cannot be loaded (the connection dropped since
 * the page loaded) is a link that cannot be read, said in words, never a throw. */
async function decode(hash: string): Promise<Result<SharedLink, LinkError>> {
  try {
    return (await loadCodec()).decodeLink(hash)
  } catch {
    return err({ kind: 'unavailable', message: 'This link could not be read: part of Wireplay did not load. Check the connection and reload the page.' })
  }
}

/** The address that opens a built-in scenario, at a lesson step (an index from 0) when given. */
export function scenarioUrlFor(id: string, step: number | null = null): string {
  return `${location.origin}${location.pathname}#${scenarioFragment(id, step)}`
}

/**
 * The Share dialog's link to the built-in scenario on screen, at the lesson step shown;
 * none once the diagram is the user's own (edited, or another diagram altogether).
 */
export function scenarioShareFor(state: Pick<ScenarioState, 'scenario' | 'step' | 'openedDiagram'>, present: Diagram): { url: string; about: string } | undefined {
  const { scenario, step, openedDiagram } = state
  if (!scenario || !isDiagram(openedDiagram) || scenarioRelation(present, openedDiagram) !== 'as-opened') return undefined
  const tried = (present.faults ?? []).length !== (openedDiagram.faults ?? []).length
  return {
    url: scenarioUrlFor(scenario.id, step),
    about: `Opens “${scenario.title}”${step === null ? '' : ` at lesson step ${step + 1}`} as it ships${tried ? ', without the faults tried since' : ''}. Short enough to read out to a room.`,
  }
}

/** A fragment read: a scenario link first (it holds no diagram), else a diagram link. */
export async function readFragment(hash: string): Promise<IncomingLink> {
  const scenario = parseScenarioFragment(hash)
  if (scenario) return scenario.ok ? ok(scenario.value) : err({ kind: 'invalid', message: scenario.error })
  return decode(hash)
}

/**
 * The share link in the address bar, if any, decoded. The editor keeps no copy of it: the
 * diagram now lives in the editor and its autosave, and a reload must not re-open the
 * link. An embed keeps it, since the link is all it has (an embed shows diagram links only).
 */
export function readIncomingLink(keep: true): Promise<Result<SharedLink, LinkError> | null>
export function readIncomingLink(keep?: false): Promise<IncomingLink | null>
export async function readIncomingLink(keep = false): Promise<IncomingLink | null> {
  if (location.hash.length <= 1) return null
  const decoded = keep ? await decode(location.hash) : await readFragment(location.hash)
  // a link that could not be read for want of the codec stays, so a reload tries again
  const unread = !decoded.ok && decoded.error.kind === 'unavailable'
  if (!keep && !unread) history.replaceState(null, '', `${location.pathname}${location.search}`)
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
  /** the built-in scenarios, for links to a scenario and step */
  teaching: Pick<Teaching, 'library' | 'open' | 'store'>,
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
  const teach = useRef(teaching)
  useEffect(() => {
    teach.current = teaching
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
      if ('scenario' in link.value) {
        const problem = await openScenarioLink(link.value, current, askFirst, confirm, teach.current, () => cancelled)
        if (problem && !cancelled) setMessage(problem)
        return
      }
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
      // the diagram it replaced stays one click away (and one Undo) when it was the
      // person's own: in a fresh browser it is only the starter, nothing to restore
      setPrevious(askFirst && current.nodes.length > 0 ? current : null)
      if (link.value.view) view.current(link.value.view)
      requestAnimationFrame(() => void fit.current())
    }
    void open(initial.link, initial.askFirst)
    // a link pasted into the open tab: asked first like one opened with the page, that is
    // unless what it replaces is the starter as it ships (nobody's work)
    const onHash = () =>
      void readIncomingLink().then((link) => {
        if (!cancelled) void open(link, !isUntouchedStarter(store.getState().history.present))
      })
    window.addEventListener('hashchange', onHash)
    return () => {
      cancelled = true
      window.removeEventListener('hashchange', onHash)
    }
  }, [initial, store, confirm])
  return { message, dismiss: () => setMessage(null), previous, forgetPrevious: () => setPrevious(null) }
}

/**
 * Open a link to a built-in scenario (and lesson step): checked against the library
 * first, asked about like a diagram link when it would replace saved work. Returns why
 * it cannot be opened, or null.
 */
async function openScenarioLink(
  target: ScenarioTarget,
  current: Diagram,
  askFirst: boolean,
  confirm: (title: string, message: string, confirmLabel: string) => Promise<boolean>,
  teaching: Pick<Teaching, 'library' | 'open' | 'store'>,
  cancelled: () => boolean,
): Promise<string | null> {
  let scenarios
  try {
    scenarios = (await teaching.library()).scenarios
  } catch {
    return 'The built-in scenarios could not be loaded. Check the connection and reload the page.'
  }
  if (cancelled()) return null
  const checked = checkScenarioTarget(target, scenarios)
  if (!checked.ok) return checked.error
  // the scenario is on screen as it ships: only go to the step
  const state = teaching.store.getState()
  if (state.scenario?.id === target.scenario && isDiagram(state.openedDiagram) && scenarioRelation(current, state.openedDiagram) === 'as-opened') {
    if (target.step !== null) state.setStep(target.step)
    return null
  }
  if (askFirst && current.nodes.length > 0) {
    const ok = await confirm('Open the scenario?', `“${checked.value.title}” replaces the diagram on screen (${current.nodes.length} nodes). Yours stays one Undo away.`, 'Open scenario')
    if (!ok || cancelled()) return null
  }
  await teaching.open(target.scenario, target.step)
  return null
}

/** The editor does not hold fault timelines yet (the live simulation will); say so rather than drop them silently. */
