// Editor frame-time benchmark (a command that prints numbers, not a test).
// Opens D30 and synthetic 100- and 300-node diagrams in headless Chromium, drags a node
// and pans the canvas, one pointer move per animation frame, and reports the frame
// interval p50/p95 and main-thread busy time per frame. Budgets (this 2-core machine,
// no GPU): p95 ≤ 20 ms at 100 nodes, ≤ 34 ms at 300. Exits 1 when a budget is missed.
//
// Usage: npm run build && npm run bench:editor [-- --runs 3]
import { readFileSync } from 'node:fs'
import { preview } from 'vite'
import { syntheticDiagram } from '../bench/synthetic.mjs'
import { launchChromium, openDiagram } from './browser.mjs'

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const runs = Number(arg('--runs')) || 3
// --only <text>: run the cases whose name contains it; --css <rules>: inject CSS (for experiments)
const only = arg('--only')
const extraCss = arg('--css')
const STEPS = 90
const cases = [
  { name: 'D30', doc: JSON.parse(readFileSync(new URL('../bench/fixtures/d30.wireplay.json', import.meta.url), 'utf8')), budget: null },
  { name: '100 nodes', doc: syntheticDiagram(100), budget: 20 },
  { name: '300 nodes', doc: syntheticDiagram(300), budget: 34 },
]

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}
const median = (xs) => quantile(xs, 0.5)

async function measure(browser, baseURL, doc) {
  const { context, page, pane, node } = await openDiagram(browser, baseURL, doc, extraCss)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const before = await metrics()
  // The pointer is driven inside the page, one move per animation frame, so the numbers
  // measure the page's own frame time and not the round trips of a remote driver.
  const frames = await page.evaluate(
    async ({ drag, pan, steps }) => {
      const out = []
      const frame = () => new Promise((r) => requestAnimationFrame(r))
      const fire = (target, type, x, y) => {
        const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, view: window, button: 0, buttons: type.endsWith('up') ? 0 : 1, pointerId: 1, isPrimary: true, pointerType: 'mouse' }
        target.dispatchEvent(new PointerEvent(`pointer${type}`, init))
        target.dispatchEvent(new MouseEvent(`mouse${type}`, init))
      }
      async function gesture(x, y, path) {
        const el = document.elementFromPoint(x, y)
        fire(el, 'down', x, y)
        let last = await frame()
        for (let i = 0; i < steps; i++) {
          const [dx, dy] = path(i)
          fire(el, 'move', x + dx, y + dy)
          const now = await frame()
          out.push(now - last)
          last = now
        }
        fire(el, 'up', x + path(steps - 1)[0], y + path(steps - 1)[1])
      }
      const dragFrom = out.length
      await gesture(drag.x, drag.y, (i) => [120 * Math.sin((i / steps) * 2 * Math.PI), 80 * (1 - Math.cos((i / steps) * 2 * Math.PI))])
      const panFrom = out.length
      await frame()
      await gesture(pan.x, pan.y, (i) => [-3 * i, -2 * i])
      return { all: out, drag: out.slice(dragFrom, panFrom), pan: out.slice(panFrom) }
    },
    { drag: { x: node.x + node.width / 2, y: node.y + node.height / 2 }, pan: { x: pane.x + pane.width * 0.5, y: pane.y + pane.height - 40 }, steps: STEPS },
  )
  const after = await metrics()
  const intervals = frames.all
  const moved = await page.evaluate(() => JSON.stringify(window.__wireplay.document().nodes.map((n) => [n.x, n.y])))
  await context.close()
  return {
    moved: moved !== JSON.stringify(doc.nodes.map((n) => [n.x, n.y])),
    long: intervals.filter((x) => x > 25).length / intervals.length,
    dragP95: quantile(frames.drag, 0.95),
    panP95: quantile(frames.pan, 0.95),
    p50: quantile(intervals, 0.5),
    p95: quantile(intervals, 0.95),
    busyPerFrame: ((after.TaskDuration - before.TaskDuration) * 1000) / intervals.length,
    scriptPerFrame: ((after.ScriptDuration - before.ScriptDuration) * 1000) / intervals.length,
  }
}

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' })
const baseURL = server.resolvedUrls.local[0]
const browser = await launchChromium()
let failed = false
console.log(`editor frame time, median of ${runs} runs (${STEPS} drag + ${STEPS} pan frames each)`)
console.log('case        nodes links  p50 ms  p95 ms  (drag p95, pan p95)  long frames  busy ms/frame  script ms/frame  budget p95')
for (const c of cases.filter((c) => !only || c.name.includes(only))) {
  await measure(browser, baseURL, c.doc) // warm-up
  const results = []
  for (let r = 0; r < runs; r++) results.push(await measure(browser, baseURL, c.doc))
  if (!results.every((r) => r.moved)) {
    console.log(`${c.name}: the drag did not move a node; the measurement is not valid`)
    failed = true
  }
  const p50 = median(results.map((r) => r.p50))
  const p95 = median(results.map((r) => r.p95))
  const dragP95 = median(results.map((r) => r.dragP95))
  const panP95 = median(results.map((r) => r.panP95))
  const long = median(results.map((r) => r.long))
  const busy = median(results.map((r) => r.busyPerFrame))
  const script = median(results.map((r) => r.scriptPerFrame))
  const verdict = c.budget === null ? '—' : p95 <= c.budget ? `≤ ${c.budget} ok` : `≤ ${c.budget} MISSED`
  if (c.budget !== null && p95 > c.budget) failed = true
  console.log(
    `${c.name.padEnd(11)} ${String(c.doc.nodes.length).padStart(5)} ${String(c.doc.links.length).padStart(5)} ${p50.toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)}  (${dragP95.toFixed(1).padStart(6)}, ${panP95.toFixed(1).padStart(6)})  ${(long * 100).toFixed(1).padStart(9)} %  ${busy.toFixed(1).padStart(14)} ${script.toFixed(1).padStart(16)}  ${verdict}`,
  )
}
await browser.close()
await new Promise((r) => server.httpServer.close(r))
process.exit(failed ? 1 : 0)
