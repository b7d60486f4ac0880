// Packet layer benchmark (a command that prints numbers, not a test).
// Runs the production build in headless Chromium with a 100-node diagram whose links are
// slow enough to keep about 1,000 hops in flight, and a stress case with about 5,000,
// presses Run and measures frames while the run plays: frame interval p50/p95 and
// main-thread busy and script time per frame (the engine's tick included, since it runs in
// the same frame). Budgets (this 2-core machine, no GPU): p95 ≤ 20 ms at 1,000 packets;
// the 5,000 case above 30 frames per second (mean frame interval) thanks to banding.
// A baseline row runs the same traffic with 1 ms hops: the fewest packets this traffic
// puts on screen (a hop that short is drawn for 0.15 s, src/store/run/packetTravel.ts), so
// the rows below show what more packets cost. Exits 1 when a budget is missed.
//
// Usage: npm run build && npm run bench:packets [-- --runs 3 --only 5,000 --dist <dir> --css <rules>]
import { cpus, loadavg } from 'node:os'
import { preview } from 'vite'
import { launchChromium, openDiagram } from './browser.mjs'

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const runs = Number(arg('--runs')) || 3
const only = arg('--only')
// --dist <dir>: serve another build (e.g. `vite build --outDir /tmp/x` while others rebuild dist/)
const dist = arg('--dist')
// --css <rules>: inject CSS (for experiments, e.g. '.packet-layer{display:none}')
const extraCss = arg('--css')
const FRAMES = 150
/** simulated warm-up before measuring (a minute: the clock then reads 1:00.000) */
const WARM_MS = 60_000

/**
 * 20 groups of five nodes: a client calls an API (sync), which reads a database (sync) and
 * publishes to a queue or a topic (even and odd groups) consumed by a worker. An operation
 * makes eight one-way hops, so about rate × 8 × latency hops are in flight.
 */
function packetDiagram({ latencyMs, ratePerClient }) {
  const nodes = []
  const links = []
  const timeoutMs = Math.max(5000, latencyMs * 20)
  let id = 1
  const link = (source, target, kind) => links.push({ id: `l-${id++}`, source, target, kind, settings: { latencyMs, ...(kind === 'sync' ? { timeoutMs } : {}) } })
  for (let g = 0; g < 20; g++) {
    const x = 40 + (g % 4) * 900
    const y = 60 + Math.floor(g / 4) * 260
    const broker = g % 2 === 0 ? 'queue' : 'topic'
    nodes.push(
      { id: `client-${g}`, kind: 'client', label: `Shop ${g}`, x, y: y + 60, settings: { rate: ratePerClient } },
      { id: `api-${g}`, kind: 'service', label: `API ${g}`, x: x + 220, y: y + 60, settings: { workers: 2000, queueLimit: 10000 } },
      { id: `db-${g}`, kind: 'database', label: `DB ${g}`, x: x + 440, y },
      { id: `${broker}-${g}`, kind: broker, label: `${broker === 'queue' ? 'Jobs' : 'Events'} ${g}`, x: x + 440, y: y + 120, settings: { ackTimeoutMs: timeoutMs } },
      { id: `worker-${g}`, kind: 'service', label: `Worker ${g}`, x: x + 660, y: y + 120 },
    )
    link(`client-${g}`, `api-${g}`, 'sync')
    link(`api-${g}`, `db-${g}`, 'sync')
    link(`api-${g}`, `${broker}-${g}`, broker === 'queue' ? 'message' : 'event')
    link(`${broker}-${g}`, `worker-${g}`, broker === 'queue' ? 'message' : 'event')
  }
  return { wireplay: 1, nodes, links }
}

const cases = [
  // the same traffic with hops that take 1 ms: the run's other costs (engine, live node state, panels) with the fewest packets on screen
  { name: 'baseline', doc: packetDiagram({ latencyMs: 1, ratePerClient: 16 }), warmMs: WARM_MS, budget: null },
  { name: '1,000 packets', doc: packetDiagram({ latencyMs: 400, ratePerClient: 16 }), warmMs: WARM_MS, budget: { p95: 20 } },
  { name: '5,000 packets', doc: packetDiagram({ latencyMs: 2000, ratePerClient: 16 }), warmMs: WARM_MS, budget: { fps: 30 } },
]

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}
const median = (xs) => quantile(xs, 0.5)

async function measure(browser, baseURL, c) {
  const { context, page } = await openDiagram(browser, baseURL, c.doc, extraCss)
  // warm up to a steady state: fast-forward (paused), then play at 1×
  await page.getByLabel('Fast-forward by').selectOption(String(c.warmMs))
  await page.getByRole('button', { name: 'Fast-forward' }).click()
  // the clock reads 1:00.000 once the fast-forward is done
  await page.waitForFunction(() => document.querySelector('[role="timer"]')?.textContent === '1:00.000', null, { timeout: 180_000 })
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await page.waitForTimeout(1000)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const before = await metrics()
  const { intervals, stats } = await page.evaluate(async (frames) => {
    const canvas = document.querySelector('.packet-layer')
    const out = []
    const seen = { total: 0, drawn: 0, bands: 0 }
    const frame = () => new Promise((r) => requestAnimationFrame(r))
    let last = await frame()
    for (let i = 0; i < frames; i++) {
      const now = await frame()
      out.push(now - last)
      last = now
      const s = canvas?.packetStats?.()
      if (s) {
        seen.total += s.total
        seen.drawn += s.drawn
        seen.bands += s.bands
      }
    }
    return { intervals: out, stats: { total: seen.total / frames, drawn: seen.drawn / frames, bands: seen.bands / frames } }
  }, FRAMES)
  const after = await metrics()
  await context.close()
  return {
    mean: intervals.reduce((a, b) => a + b, 0) / intervals.length,
    p50: quantile(intervals, 0.5),
    p95: quantile(intervals, 0.95),
    busyPerFrame: ((after.TaskDuration - before.TaskDuration) * 1000) / intervals.length,
    scriptPerFrame: ((after.ScriptDuration - before.ScriptDuration) * 1000) / intervals.length,
    ...stats,
  }
}

const server = await preview({ ...(dist ? { build: { outDir: dist } } : {}), preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' })
const baseURL = server.resolvedUrls.local[0]
const browser = await launchChromium()
let failed = false
console.log(`packet layer frame time while a run plays at 1×, median of ${runs} runs (${FRAMES} frames each), whole diagram in view; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`)
console.log('case            nodes links  in flight  drawn  bands   p50 ms  p95 ms  busy ms/frame  script ms/frame  budget')
for (const c of cases.filter((c) => !only || c.name.includes(only))) {
  await measure(browser, baseURL, c) // warm-up
  const results = []
  for (let r = 0; r < runs; r++) results.push(await measure(browser, baseURL, c))
  const m = (k) => median(results.map((r) => r[k]))
  const p50 = m('p50')
  const p95 = m('p95')
  let verdict = '—'
  if (!c.budget) {
    // no budget: a reference for the cases below
  } else if (c.budget.p95 !== undefined) {
    verdict = p95 <= c.budget.p95 ? `p95 ≤ ${c.budget.p95} ok` : `p95 ≤ ${c.budget.p95} MISSED`
    if (p95 > c.budget.p95) failed = true
  } else {
    const fps = 1000 / m('mean')
    verdict = fps > c.budget.fps ? `${fps.toFixed(0)} fps > ${c.budget.fps} ok` : `${fps.toFixed(0)} fps ≤ ${c.budget.fps} MISSED`
    if (fps <= c.budget.fps) failed = true
  }
  if (c.budget && m('total') < (c.name.startsWith('5') ? 3000 : 600)) {
    console.log(`${c.name}: only ${m('total').toFixed(0)} packets in flight; the diagram did not reach the intended load`)
    failed = true
  }
  console.log(
    `${c.name.padEnd(15)} ${String(c.doc.nodes.length).padStart(5)} ${String(c.doc.links.length).padStart(5)} ${m('total').toFixed(0).padStart(10)} ${m('drawn').toFixed(0).padStart(6)} ${m('bands').toFixed(0).padStart(6)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(7)} ${m('busyPerFrame').toFixed(1).padStart(14)} ${m('scriptPerFrame').toFixed(1).padStart(16)}  ${verdict}`,
  )
}
await browser.close()
await new Promise((r) => server.httpServer.close(r))
process.exit(failed ? 1 : 0)
