import type { ReactFlowState } from '@xyflow/react'
import type { StoreApi } from 'zustand'
import type { Hop } from '../../sim/types'
import { minTravelMs } from '../../store/run/packetTravel'
import type { Alarm, Runner } from '../../store/run/types'
import { linkStateKey } from '../../model/faults'
import { badgeBox, placeBadge } from '../badgePlace'
import { badgeText } from '../badgeText'
import { badgeWidth } from '../badgeWidth'
import type { WireFlowEdge, WireFlowNode } from '../flowTypes'
import { clearOf, Frame, hitTest, isTracedHop, LABEL_SIDES, layoutFrame, placeLabel, type LinkSlot } from './frame'
import { linkPath, SAMPLES, type LinkPath } from './geometry'
import { isFailure, KIND_COUNT, PACKET_KINDS, packetLabel } from './kinds'

/**
 * The imperative half of the packet layer: one 2D canvas over the React Flow pane, redrawn
 * when the run's clock, the traced request, the viewport or the nodes change. Paths are
 * drawn in flow coordinates through the viewport transform; text is drawn in screen pixels
 * so it stays crisp. Packets are batched by kind (one path per kind per frame) and each
 * link's curve is resampled once per geometry change.
 */

type FlowStore = { getState(): ReactFlowState<WireFlowNode, WireFlowEdge>; subscribe: StoreApi<ReactFlowState<WireFlowNode, WireFlowEdge>>['subscribe'] }

interface Slot extends LinkSlot {
  source: string
  target: string
  /** wall ms when an error or nack last appeared on it (for the flash) */
  flashAt: number
  /** the boxes of its source and target nodes, flow units: x0, y0, x1, y1 twice (text keeps off them) */
  ends: Float64Array
  /** React Flow's edge: the badge's text and whether the link is selected */
  edge: WireFlowEdge
  /** its badge's box, flow units (packet labels keep off it), and what it was placed for */
  badge: { box: [number, number, number, number] | null; path: LinkPath | null; data: unknown; live: string; selected: boolean }
}

/** wall ms a link glows red after an error, a nack or a timeout appears on it */
const FLASH_MS = 300
/** wall ms a dead letter stays marked at its broker */
const DEAD_MARK_MS = 1200
/** alarms older than this (simulated ms) when first seen are not marked (a replay's backlog) */
const RECENT_ALARM_MS = 1000
/** packet radius on screen, px (scaled with zoom between these) */
const MIN_R_PX = 3.5
const MAX_R_PX = 7
/** packets get a halo in the canvas colour from this zoom in */
const HALO_ZOOM = 0.5
/** labels beside packets only this close in and when this few are drawn */
const LABEL_ZOOM = 0.75
const LABEL_LIMIT = 120
/** a click hits a packet within this many screen px */
const HIT_PX = 9
/** a pointer that moved further than this between down and up panned: not a click */
const CLICK_SLOP_PX = 4

export interface PainterOptions {
  canvas: HTMLCanvasElement
  flow: FlowStore
  runner: Runner
}

export function createPacketPainter({ canvas, flow, runner }: PainterOptions): () => void {
  const surface = offscreenOf(canvas)
  const ctx = surface.getContext('2d') as Ctx | null
  if (!ctx) return () => {}
  const slots = new Map<string, Slot>()
  let slotList: Slot[] = []
  const frame = new Frame()
  /** pills drawn this frame: x, y, width (screen px), for overlap checks */
  const pills: number[] = []
  /** packet labels drawn this frame: x0, y0, x1, y1 (screen px), so none covers another (and for the tests' hook) */
  const labelBoxes: number[] = []
  /** scratch: what a packet's label must not cover (x0, y0, x1, y1 per rect) */
  const blockers: number[] = []
  /** the link badges in view this frame, screen px: x0, y0, x1, y1 */
  const badgeRects: number[] = []
  const view = { minX: 0, minY: 0, maxX: 0, maxY: 0 }
  const seenFailures = new WeakSet<Hop>()
  let geometryDirty = true
  /** the canvas shows nothing now (not known at first: an earlier painter may have drawn on it) */
  let blank = false
  let pending = false
  let flashFrame = 0
  let disposed = false
  let colors = readColors()
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)')
  /** the last alarm (timeout, dead letter) already marked, and the run it came from */
  let lastAlarm = 0
  let alarmRevision = -1
  /** dead letters being marked: where (flow units, the broker's end of the link) and since when (wall ms) */
  let deadMarks: { x: number; y: number; since: number }[] = []
  let journeyLinks = new Set<string>()
  let journeyKey: unknown = null
  let journeyRevision = -1

  /** Recompute each link's handle points; rebuild a link's curve only when they moved. */
  const updateGeometry = () => {
    geometryDirty = false
    const s = flow.getState()
    const seen = new Set<string>()
    for (const e of s.edges) {
      const a = s.nodeLookup.get(e.source)
      const b = s.nodeLookup.get(e.target)
      const out = a?.internals.handleBounds?.source?.[0]
      const inn = b?.internals.handleBounds?.target?.[0]
      if (!a || !b || !out || !inn) continue
      // the source handle's right middle and the target handle's left middle, as React Flow anchors a link
      const sx = a.internals.positionAbsolute.x + out.x + out.width
      const sy = a.internals.positionAbsolute.y + out.y + out.height / 2
      const tx = b.internals.positionAbsolute.x + inn.x
      const ty = b.internals.positionAbsolute.y + inn.y + inn.height / 2
      const fromTopic = a.data.node.kind === 'topic'
      seen.add(e.id)
      const old = slots.get(e.id)
      // a node's size can change with the handles staying put (its live state grows a row)
      const ends = old?.ends ?? new Float64Array(8)
      boxOf(a, ends, 0)
      boxOf(b, ends, 4)
      if (old) old.edge = e
      if (old && old.path.sx === sx && old.path.sy === sy && old.path.tx === tx && old.path.ty === ty) {
        old.fromTopic = fromTopic
        continue
      }
      const path = linkPath(sx, sy, tx, ty)
      if (old) old.path = path
      else {
        const badge = { box: null, path: null, data: null, live: '', selected: false }
        slots.set(e.id, { id: e.id, path, fromTopic, count: 0, failures: 0, banded: false, visible: false, source: e.source, target: e.target, flashAt: -Infinity, ends, edge: e, badge })
      }
    }
    for (const id of slots.keys()) if (!seen.has(id)) slots.delete(id)
    slotList = [...slots.values()]
  }

  /**
   * The links of the traced request's journey: the engine's trace when tracing starts (or
   * the run is rebuilt), then every link one of its hops is seen on, frame by frame (cheap,
   * where reading the trace again would copy thousands of hops).
   */
  const updateJourney = (packets: readonly Hop[]) => {
    const { traced, revision } = runner.store.getState()
    if (!traced) {
      if (journeyLinks.size > 0) journeyLinks = new Set()
      journeyKey = null
      return
    }
    if (traced !== journeyKey || revision !== journeyRevision) {
      journeyKey = traced
      journeyRevision = revision
      journeyLinks = new Set(runner.journey(traced.correlationId, traced.requestId).map((h) => h.link))
    }
    for (let i = 0; i < packets.length; i++) {
      const hp = packets[i] as Hop
      if (isTracedHop(hp, traced)) journeyLinks.add(hp.link)
    }
  }

  const draw = () => {
    pending = false
    if (disposed) return
    labelBoxes.length = 0
    pills.length = 0
    if (geometryDirty) updateGeometry()
    const fs = flow.getState()
    const dpr = window.devicePixelRatio || 1
    const w = Math.max(1, Math.round(fs.width * dpr))
    const h = Math.max(1, Math.round(fs.height * dpr))
    if (surface.width !== w || surface.height !== h) {
      surface.width = w
      surface.height = h
      blank = true
    }
    const [panX, panY, zoom] = fs.transform
    const run = runner.store.getState()
    const now = performance.now()
    const reducedMotion = reduced.matches
    // the visible area in flow units, with a margin for packets half out of view
    const margin = 12 / zoom
    view.minX = -panX / zoom - margin
    view.minY = -panY / zoom - margin
    view.maxX = (fs.width - panX) / zoom + margin
    view.maxY = (fs.height - panY) / zoom + margin
    const packets = runner.packets()
    // nothing is stretched with reduced motion (links show counts of what is really in
    // flight) or after Step (which is for seeing exactly where each packet is)
    const minTravel = reducedMotion || run.stepped ? 0 : minTravelMs(run.speed)
    layoutFrame({ packets, links: slots, slots: slotList, time: run.time, zoom, view, reducedMotion, traced: run.traced, minTravel }, frame)

    // a new error or nack starts its link's flash
    if (frame.failing.length > 0) {
      for (let i = 0; i < packets.length; i++) {
        const hp = packets[i] as Hop
        if (!isFailure(hp.carries) || seenFailures.has(hp)) continue
        seenFailures.add(hp)
        const s = slots.get(hp.link)
        if (s) s.flashAt = now
      }
    }
    updateJourney(packets)

    // a timeout flashes its link like an error; a dead letter marks its broker for a moment.
    // Only the last simulated second counts, so a replay after a seek does not flash them all.
    if (run.revision !== alarmRevision) {
      alarmRevision = run.revision
      lastAlarm = 0
      deadMarks = []
    }
    const alarms = runner.alarms()
    for (let i = 0; i < alarms.length; i++) {
      const a = alarms[i] as Alarm
      if (a.seq <= lastAlarm) continue
      lastAlarm = a.seq
      if (run.time - a.at > RECENT_ALARM_MS || a.link === null) continue
      const s = slots.get(a.link)
      if (!s) continue
      if (a.kind === 'timeout') s.flashAt = now
      else deadMarks.push({ x: s.path.points[0] as number, y: s.path.points[1] as number, since: now })
    }
    deadMarks = deadMarks.filter((m) => now - m.since < DEAD_MARK_MS)

    // nothing to show and nothing shown: leave the canvas alone (no new frame for the
    // compositor, which matters while panning or dragging with no run playing)
    let glowing = false
    for (let i = 0; i < slotList.length && !glowing; i++) glowing = now - (slotList[i] as Slot).flashAt < FLASH_MS
    glowing ||= deadMarks.length > 0
    const empty = frame.total === 0 && journeyLinks.size === 0 && !glowing
    if (empty && blank) return
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.clearRect(0, 0, w, h)
    blank = empty
    if (empty) return

    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * panX, dpr * panY)
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    const px = 1 / zoom // one screen pixel in flow units

    // the traced request's journey: a wide glow under its links
    if (journeyLinks.size > 0) {
      ctx.beginPath()
      for (const id of journeyLinks) {
        const s = slots.get(id)
        if (s?.visible) curve(ctx, s.path)
      }
      ctx.strokeStyle = colors.trace
      ctx.globalAlpha = 0.45
      ctx.lineWidth = 12 * px
      ctx.stroke()
      ctx.globalAlpha = 1
    }

    // a red glow on a link where an error or nack just appeared (steady, not flashing, with reduced motion)
    let flashing = false
    for (const s of slotList) {
      if (!s.visible) continue
      const age = now - s.flashAt
      const strength = reducedMotion ? (s.failures > 0 ? 0.6 : 0) : age < FLASH_MS ? 1 - age / FLASH_MS : 0
      if (strength <= 0) continue
      if (!reducedMotion) flashing = true
      ctx.beginPath()
      curve(ctx, s.path)
      ctx.strokeStyle = '#ef4444'
      ctx.globalAlpha = 0.7 * strength
      ctx.lineWidth = 10 * px
      ctx.stroke()
    }
    ctx.globalAlpha = 1

    // dead letters: a dark disc with a white cross at the broker, fading out
    for (const m of deadMarks) {
      const strength = reducedMotion ? 1 : 1 - (now - m.since) / DEAD_MARK_MS
      flashing ||= !reducedMotion
      const r = 9 * px
      ctx.globalAlpha = strength
      ctx.beginPath()
      ctx.arc(m.x + 14 * px, m.y - 14 * px, r, 0, Math.PI * 2)
      ctx.fillStyle = '#7f1d1d'
      ctx.fill()
      ctx.beginPath()
      ctx.moveTo(m.x + 14 * px - r / 2, m.y - 14 * px - r / 2)
      ctx.lineTo(m.x + 14 * px + r / 2, m.y - 14 * px + r / 2)
      ctx.moveTo(m.x + 14 * px + r / 2, m.y - 14 * px - r / 2)
      ctx.lineTo(m.x + 14 * px - r / 2, m.y - 14 * px + r / 2)
      ctx.strokeStyle = '#ffffff'
      ctx.lineWidth = 2 * px
      ctx.stroke()
    }
    ctx.globalAlpha = 1

    // flow bands: too many packets on a link to draw one by one
    if (frame.bands.length > 0) {
      // one stroke per band: measured faster to rasterise than one path holding them all
      ctx.strokeStyle = colors.band
      ctx.globalAlpha = 0.35
      ctx.lineWidth = 9 * px
      ctx.lineCap = 'butt'
      for (const s of frame.bands) {
        ctx.beginPath()
        curve(ctx, s.path)
        ctx.stroke()
      }
      ctx.lineCap = 'round'
      ctx.globalAlpha = 1
    }

    // packets, one path per kind
    const r = Math.min(MAX_R_PX, Math.max(MIN_R_PX, 6 * zoom)) * px
    // zoomed out the line under a packet is a hair: no halo needed (it doubles the raster work)
    const halo = zoom < HALO_ZOOM ? 0 : Math.max(1.2, r * zoom * 0.3) * px
    for (let k = 0; k < KIND_COUNT; k++) drawKind(ctx, frame, k, r, halo, colors.halo)

    // the traced request's own packets: a ring around each
    let tracedCount = 0
    for (let i = 0; i < frame.count; i++) if (frame.traced[i] === 1) tracedCount++
    if (tracedCount > 0) {
      ctx.beginPath()
      for (let i = 0; i < frame.count; i++) {
        if (frame.traced[i] !== 1) continue
        const x = frame.x[i] as number
        const y = frame.y[i] as number
        ctx.moveTo(x + r * 2, y)
        ctx.arc(x, y, r * 2, 0, Math.PI * 2)
      }
      ctx.strokeStyle = colors.trace
      ctx.lineWidth = 2.5 * px
      ctx.stroke()
    }

    // text in screen pixels
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const labels = zoom >= LABEL_ZOOM && frame.count <= LABEL_LIMIT
    if (labels || frame.bands.length > 0 || frame.counts.length > 0) {
      ctx.font = '600 10px system-ui, sans-serif'
      ctx.textBaseline = 'middle'
      ctx.lineWidth = 3
      ctx.strokeStyle = colors.halo
    }
    if (labels) {
      ctx.fillStyle = colors.text
      ctx.textAlign = 'left'
      const off = r * zoom + 3
      badgesOnScreen(slotList, run.faults, run.time, zoom, panX, panY, badgeRects)
      for (let i = 0; i < frame.count; i++) {
        const hp = frame.hops[i] as Hop
        const slot = slots.get(hp.link)
        const text = packetLabel(hp.carries, slot?.fromTopic ?? false)
        const x = (frame.x[i] as number) * zoom + panX
        const y = (frame.y[i] as number) * zoom + panY
        const w = textWidth(ctx, text)
        // beside the packet, on a side where it covers neither node of its link, nor a link's
        // badge, nor a label already drawn (packets crowd the ends of a short link: one
        // readable label beats several on top of each other)
        if (!slot) continue
        const side = placeLabel(x, y, w, LABEL_PX, off, toScreen(slot.ends, zoom, panX, panY), badgeRects, labelBoxes, blockers)
        if (side < 0) continue
        const [sx, sy] = LABEL_SIDES[side] as readonly [number, number]
        const lx = sx > 0 ? x + off : x - off - w
        ctx.strokeText(text, lx, y + sy * off)
        ctx.fillText(text, lx, y + sy * off)
        labelBoxes.push(lx, y + sy * off - LABEL_PX / 2, lx + w, y + sy * off + LABEL_PX / 2)
      }
    }
    countPills(ctx, reducedMotion ? frame.counts : frame.bands, slots, zoom, panX, panY, colors, pills)

    if (flashing && !flashFrame) flashFrame = requestAnimationFrame(() => {
      flashFrame = 0
      schedule()
    })
  }

  // Coalesced: a run-store update inside the app's animation frame draws in the same
  // frame (a microtask runs before paint), and several updates in one task draw once.
  const schedule = () => {
    if (pending) return
    pending = true
    queueMicrotask(draw)
  }

  const unsubscribeRun = runner.store.subscribe((s, prev) => {
    if (s.time !== prev.time || s.traced !== prev.traced || s.revision !== prev.revision || s.stepped !== prev.stepped) schedule()
  })
  const unsubscribeFlow = flow.subscribe((s, prev) => {
    // node moves, measurements and edge changes rebuild what changed; a pan or zoom only redraws
    if (s.transform === prev.transform || s.nodeLookup !== prev.nodeLookup || s.edges !== prev.edges || s.nodes !== prev.nodes) geometryDirty = true
    schedule()
  })
  const onMotion = () => schedule()
  reduced.addEventListener('change', onMotion)
  const themeWatch = new MutationObserver(() => {
    colors = readColors()
    schedule()
  })
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] })

  // Trace: a click (not a pan) on a packet selects its request. The overlay takes no
  // pointer events; this listens on React Flow's element without stopping anything.
  const host = canvas.closest('.react-flow') as HTMLElement | null
  let down: { x: number; y: number } | null = null
  const onDown = (e: PointerEvent) => {
    down = e.button === 0 ? { x: e.clientX, y: e.clientY } : null
  }
  const onUp = (e: PointerEvent) => {
    const start = down
    down = null
    if (!start || Math.hypot(e.clientX - start.x, e.clientY - start.y) > CLICK_SLOP_PX) return
    const target = e.target as Element | null
    if (!target || target.closest('.react-flow__node, .react-flow__panel, .react-flow__controls, .react-flow__minimap')) return
    const box = canvas.getBoundingClientRect()
    const [panX, panY, zoom] = flow.getState().transform
    const x = (e.clientX - box.left - panX) / zoom
    const y = (e.clientY - box.top - panY) / zoom
    const i = hitTest(frame, x, y, HIT_PX / zoom)
    if (i < 0) return
    const hp = frame.hops[i] as Hop
    runner.store.getState().traceRequest({ correlationId: hp.correlationId, requestId: hp.requestId })
  }
  host?.addEventListener('pointerdown', onDown, true)
  host?.addEventListener('pointerup', onUp, true)

  // For the benchmark and end-to-end tests: what the last frame drew, and where packets are
  // on screen (client px). A property, not attributes, so nothing is written to the DOM per frame.
  Object.defineProperty(canvas, 'packetStats', {
    configurable: true,
    value: () => {
      const box = canvas.getBoundingClientRect()
      const [panX, panY, zoom] = flow.getState().transform
      const at = []
      for (let i = 0; i < Math.min(frame.count, 50); i++) {
        const hp = frame.hops[i] as Hop
        at.push({ x: box.left + (frame.x[i] as number) * zoom + panX, y: box.top + (frame.y[i] as number) * zoom + panY, link: hp.link, carries: hp.carries, requestId: hp.requestId, correlationId: hp.correlationId, traced: frame.traced[i] === 1 })
      }
      // the text drawn over the canvas (packet labels, then count pills), as client-px boxes
      const text = []
      for (let i = 0; i < labelBoxes.length; i += 4) text.push({ x0: box.left + (labelBoxes[i] as number), y0: box.top + (labelBoxes[i + 1] as number), x1: box.left + (labelBoxes[i + 2] as number), y1: box.top + (labelBoxes[i + 3] as number) })
      for (let i = 0; i < pills.length; i += 3) {
        const x = box.left + (pills[i] as number)
        const y = box.top + (pills[i + 1] as number)
        const half = (pills[i + 2] as number) / 2
        text.push({ x0: x - half, y0: y - 8, x1: x + half, y1: y + 8 })
      }
      return { total: frame.total, drawn: frame.count, bands: frame.bands.length, counts: frame.counts.length, journeyLinks: journeyLinks.size, packets: at, text }
    },
  })

  schedule()
  return () => {
    disposed = true
    unsubscribeRun()
    unsubscribeFlow()
    reduced.removeEventListener('change', onMotion)
    themeWatch.disconnect()
    host?.removeEventListener('pointerdown', onDown, true)
    host?.removeEventListener('pointerup', onUp, true)
    if (flashFrame) cancelAnimationFrame(flashFrame)
  }
}

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

const offscreens = new WeakMap<HTMLCanvasElement, OffscreenCanvas>()

/**
 * The canvas's drawing surface, moved off the DOM element where the browser allows it: an
 * offscreen canvas's frames go straight to the compositor, which saves the main thread the
 * copy of the whole overlay that a software-rendered DOM canvas costs on every commit
 * (measured at ~4 ms a frame here). A canvas can be transferred once, so it is remembered.
 */
function offscreenOf(canvas: HTMLCanvasElement): HTMLCanvasElement | OffscreenCanvas {
  if (typeof canvas.transferControlToOffscreen !== 'function') return canvas
  let off = offscreens.get(canvas)
  if (!off) {
    off = canvas.transferControlToOffscreen()
    offscreens.set(canvas, off)
  }
  return off
}

interface Colors {
  halo: string
  text: string
  band: string
  trace: string
}

/** The theme's colours, from the app's CSS variables (read when the theme changes). */
function readColors(): Colors {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback
  const text = v('--text', '#1c2430')
  return { halo: v('--bg', '#ffffff'), text, band: v('--muted', '#5b6675'), trace: v('--focus', '#f59e0b') }
}

/** Append a link's bezier (exactly React Flow's) to the current path. */
function curve(ctx: Ctx, p: LinkPath) {
  ctx.moveTo(p.sx, p.sy)
  ctx.bezierCurveTo(p.c1x, p.c1y, p.c2x, p.c2y, p.tx, p.ty)
}

/**
 * Every drawn packet of kind `k`, with a halo in the canvas colour so it stands out from
 * the line under it. Measured in software-rasterised Chromium: one path holding hundreds
 * of arcs fills slowly and strokes slower still, while separate small circles, rects and a
 * batched path of polygons are cheap; so circles are drawn one by one, everything else in
 * one path per colour, and halos are fills of a larger shape rather than strokes.
 */
function drawKind(ctx: Ctx, f: Frame, k: number, r: number, halo: number, haloColor: string) {
  const kind = PACKET_KINDS[k]
  if (!kind) return
  let any = false
  for (let i = 0; i < f.count && !any; i++) any = f.kind[i] === k
  if (!any) return
  const color = kind.color
  switch (kind.shape) {
    case 'dot':
      if (halo > 0) circles(ctx, f, k, r + halo, haloColor)
      circles(ctx, f, k, r, color)
      break
    case 'ring':
      if (halo > 0) circles(ctx, f, k, r + halo, haloColor)
      circles(ctx, f, k, r, color)
      circles(ctx, f, k, r * 0.45, haloColor)
      break
    case 'square':
      if (halo > 0) squares(ctx, f, k, r * 0.85 + halo, r * 0.85 + halo, haloColor)
      squares(ctx, f, k, r * 0.85, r * 0.85, color)
      break
    case 'hollowSquare':
      if (halo > 0) squares(ctx, f, k, r * 0.85 + halo, r * 0.85 + halo, haloColor)
      squares(ctx, f, k, r * 0.85, r * 0.85, color)
      squares(ctx, f, k, r * 0.4, r * 0.4, haloColor)
      break
    case 'envelope':
      if (halo > 0) squares(ctx, f, k, r * 1.15 + halo, r * 0.75 + halo, haloColor)
      squares(ctx, f, k, r * 1.15, r * 0.75, color)
      break
    case 'diamond':
      if (halo > 0) diamonds(ctx, f, k, r * 1.2 + halo * 1.4, haloColor)
      diamonds(ctx, f, k, r * 1.2, color)
      break
    case 'triangle':
      if (halo > 0) triangles(ctx, f, k, r * 1.25 + halo * 1.6, haloColor)
      triangles(ctx, f, k, r * 1.25, color)
      break
    case 'cross': {
      // errors are few: a stroked path is fine here
      const d = r * 0.85
      ctx.beginPath()
      for (let i = 0; i < f.count; i++) {
        if (f.kind[i] !== k) continue
        const x = f.x[i] as number
        const y = f.y[i] as number
        ctx.moveTo(x - d, y - d)
        ctx.lineTo(x + d, y + d)
        ctx.moveTo(x + d, y - d)
        ctx.lineTo(x - d, y + d)
      }
      ctx.strokeStyle = haloColor
      ctx.lineWidth = r * 0.6 + halo * 2
      ctx.stroke()
      ctx.strokeStyle = color
      ctx.lineWidth = r * 0.6
      ctx.stroke()
      break
    }
  }
}

function circles(ctx: Ctx, f: Frame, k: number, r: number, color: string) {
  ctx.fillStyle = color
  for (let i = 0; i < f.count; i++) {
    if (f.kind[i] !== k) continue
    ctx.beginPath()
    ctx.arc(f.x[i] as number, f.y[i] as number, r, 0, Math.PI * 2)
    ctx.fill()
  }
}

/** Axis-aligned rects of half-width `hw` and half-height `hh`. */
function squares(ctx: Ctx, f: Frame, k: number, hw: number, hh: number, color: string) {
  ctx.fillStyle = color
  for (let i = 0; i < f.count; i++) {
    if (f.kind[i] !== k) continue
    ctx.fillRect((f.x[i] as number) - hw, (f.y[i] as number) - hh, 2 * hw, 2 * hh)
  }
}

function diamonds(ctx: Ctx, f: Frame, k: number, d: number, color: string) {
  ctx.beginPath()
  for (let i = 0; i < f.count; i++) {
    if (f.kind[i] !== k) continue
    const x = f.x[i] as number
    const y = f.y[i] as number
    ctx.moveTo(x, y - d)
    ctx.lineTo(x + d, y)
    ctx.lineTo(x, y + d)
    ctx.lineTo(x - d, y)
    ctx.closePath()
  }
  ctx.fillStyle = color
  ctx.fill()
}

/** Triangles pointing the way each packet travels. */
function triangles(ctx: Ctx, f: Frame, k: number, d: number, color: string) {
  ctx.beginPath()
  for (let i = 0; i < f.count; i++) {
    if (f.kind[i] !== k) continue
    const x = f.x[i] as number
    const y = f.y[i] as number
    const a = f.angle[i] as number
    const c = Math.cos(a) * d
    const s = Math.sin(a) * d
    ctx.moveTo(x + c, y + s)
    ctx.lineTo(x - 0.8 * (c + s), y - 0.8 * (s - c))
    ctx.lineTo(x - 0.8 * (c - s), y - 0.8 * (s + c))
    ctx.closePath()
  }
  ctx.fillStyle = color
  ctx.fill()
}

/** where along a link a count pill may go (sample indices), in order of preference */
const PILL_SPOTS_NEAR = [Math.round(SAMPLES / 3), Math.round((2 * SAMPLES) / 3), SAMPLES / 2]
const PILL_SPOTS_FAR = [SAMPLES / 2, Math.round(SAMPLES / 3), Math.round((2 * SAMPLES) / 3)]

/**
 * Counts in pills on links, screen px: a third of the way along when zoomed in (clear of
 * the link's badge in the middle), in the middle when zoomed out (no badges then); on a
 * short link, the first of those spots that covers neither node at its ends, so the pill
 * never hides a node's badges. A pill with no such spot, or that would cover one already
 * drawn, is left out; its band still shows.
 */
function countPills(ctx: Ctx, slots: readonly LinkSlot[], bySlot: ReadonlyMap<string, Slot>, zoom: number, panX: number, panY: number, c: Colors, placed: number[]) {
  placed.length = 0
  if (slots.length === 0) return
  const spots = zoom < HALO_ZOOM ? PILL_SPOTS_FAR : PILL_SPOTS_NEAR
  ctx.textAlign = 'center'
  for (const s of slots) {
    const text = String(s.count)
    const w = ctx.measureText(text).width + 10
    const own = bySlot.get(s.id)
    if (!own) continue
    const ends = toScreen(own.ends, zoom, panX, panY)
    let x = 0
    let y = 0
    let found = false
    for (let k = 0; k < spots.length && !found; k++) {
      const at = spots[k] as number
      x = (s.path.points[2 * at] as number) * zoom + panX
      y = (s.path.points[2 * at + 1] as number) * zoom + panY
      found = clearOf(x - w / 2, y - 8, x + w / 2, y + 8, ends, 2)
    }
    if (!found) continue
    let free = true
    for (let i = 0; i < placed.length && free; i += 3) free = Math.abs((placed[i] as number) - x) * 2 >= w + (placed[i + 2] as number) || Math.abs((placed[i + 1] as number) - y) >= 16
    if (!free) continue
    placed.push(x, y, w)
    ctx.beginPath()
    ctx.roundRect(x - w / 2, y - 8, w, 16, 8)
    ctx.fillStyle = c.halo
    ctx.fill()
    ctx.lineWidth = 1
    ctx.strokeStyle = c.band
    ctx.stroke()
    ctx.fillStyle = c.text
    ctx.fillText(text, x, y + 0.5)
  }
}

/**
 * The badges of the links in view, as boxes in screen px into `out` (x0, y0, x1, y1 each),
 * placed as the links draw them (WireEdge.tsx: the run's live text, the whole text while a
 * link is selected). A badge is placed again only when its link moved, its text changed
 * or it was selected or unselected.
 */
function badgesOnScreen(slots: readonly Slot[], faults: Parameters<typeof linkStateKey>[0], time: number, zoom: number, panX: number, panY: number, out: number[]) {
  out.length = 0
  for (const s of slots) {
    const data = s.edge.data
    if (!s.visible || !data) continue
    const live = faults.length === 0 ? '' : linkStateKey(faults, time, s.id)
    const selected = s.edge.selected ?? false
    const b = s.badge
    if (b.path !== s.path || b.data !== data || b.live !== live || b.selected !== selected) {
      const text = badgeText(data, live)
      const p = s.path
      const place = placeBadge({ sourceX: p.sx, sourceY: p.sy, targetX: p.tx, targetY: p.ty }, text, badgeWidth)
      b.box = badgeBox(place, badgeWidth(selected ? text : place.shown))
      b.path = p
      b.data = data
      b.live = live
      b.selected = selected
    }
    const box = b.box
    if (box) out.push(box[0] * zoom + panX, box[1] * zoom + panY, box[2] * zoom + panX, box[3] * zoom + panY)
  }
}

/** px height of a packet's label (10 px text and its halo) */
const LABEL_PX = 13
/** a node's border and shadow reach this far past its box, in screen px */
const NODE_MARGIN_PX = 2

type FlowNodeInternal = NonNullable<ReturnType<ReactFlowState<WireFlowNode, WireFlowEdge>['nodeLookup']['get']>>

/** A node's box in flow units into `out` at `at`: x0, y0, x1, y1. */
function boxOf(n: FlowNodeInternal, out: Float64Array, at: number) {
  const { x, y } = n.internals.positionAbsolute
  out[at] = x
  out[at + 1] = y
  out[at + 2] = x + (n.measured.width ?? n.width ?? 0)
  out[at + 3] = y + (n.measured.height ?? n.height ?? 0)
}

const screenBoxes = new Float64Array(8)
/** `boxes` (flow units) in screen px, with the nodes' margin, in a scratch array reused by every call. */
function toScreen(boxes: Float64Array, zoom: number, panX: number, panY: number): Float64Array {
  for (let i = 0; i < 8; i += 2) {
    const grow = i % 4 === 0 ? -NODE_MARGIN_PX : NODE_MARGIN_PX
    screenBoxes[i] = (boxes[i] as number) * zoom + panX + grow
    screenBoxes[i + 1] = (boxes[i + 1] as number) * zoom + panY + grow
  }
  return screenBoxes
}

/** Measured once per label text: there are a dozen of them, drawn many times a frame. */
const widths = new Map<string, number>()
function textWidth(ctx: Ctx, text: string): number {
  let w = widths.get(text)
  if (w === undefined) {
    w = ctx.measureText(text).width
    widths.set(text, w)
  }
  return w
}
