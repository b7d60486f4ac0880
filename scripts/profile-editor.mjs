// Where an editor frame's time goes, for performance work (prints numbers; not a test).
// Drags a node and pans, like bench-editor, under a Chromium trace and a CPU profile, and
// prints CPU ms per frame by thread and by rendering phase, and the hottest functions.
// For readable function names build unminified first: WIREPLAY_NO_MINIFY=1 npm run build
//
// Usage: node scripts/profile-editor.mjs [d30|100|300] [--css "<rules to try>"]
import { readFileSync } from 'node:fs'
import { preview } from 'vite'
import { syntheticDiagram } from '../bench/synthetic.mjs'
import { launchChromium, openDiagram } from './browser.mjs'

const which = process.argv[2] ?? 'd30'
const css = process.argv.includes('--css') ? process.argv[process.argv.indexOf('--css') + 1] : undefined
const doc = which === 'd30' ? JSON.parse(readFileSync(new URL('../bench/fixtures/d30.wireplay.json', import.meta.url), 'utf8')) : syntheticDiagram(Number(which))
const STEPS = 60
const PHASES = ['RasterTask', 'FunctionCall', 'Layerize', 'Paint', 'Layout', 'UpdateLayoutTree', 'PrePaint', 'Commit']

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' })
const browser = await launchChromium()
const { context, page, pane, node } = await openDiagram(browser, server.resolvedUrls.local[0], doc, css)
const cx = pane.x + pane.width / 2

const cdp = await context.newCDPSession(page)
const events = []
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value))
const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' })
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
await cdp.send('Profiler.start')
for (const mode of ['drag', 'pan']) {
  const at = mode === 'drag' ? { x: node.x + node.width / 2, y: node.y + node.height / 2 } : { x: cx, y: pane.y + pane.height - 40 }
  await page.evaluate(
    async ({ x, y, steps, mode }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r))
      const fire = (target, type, px, py) => {
        const init = { bubbles: true, cancelable: true, clientX: px, clientY: py, view: window, button: 0, buttons: type === 'up' ? 0 : 1, pointerId: 1, isPrimary: true }
        target.dispatchEvent(new PointerEvent(`pointer${type}`, init))
        target.dispatchEvent(new MouseEvent(`mouse${type}`, init))
      }
      const el = document.elementFromPoint(x, y)
      fire(el, 'down', x, y)
      await frame()
      for (let i = 0; i < steps; i++) {
        fire(el, 'move', x + (mode === 'pan' ? -3 * i : 2 * i), y + (mode === 'pan' ? -2 * i : i))
        await frame()
      }
      fire(el, 'up', x, y)
      await frame()
    },
    { ...at, steps: STEPS, mode },
  )
}
const { profile } = await cdp.send('Profiler.stop')
await cdp.send('Tracing.end')
await traced
await browser.close()
await new Promise((r) => server.httpServer.close(r))

const frames = 2 * STEPS
const perFrame = (us) => (us / 1000 / frames).toFixed(2)
const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]))
const byThread = {}
const byPhase = {}
for (const e of events) {
  if (e.ph !== 'X' || !e.dur) continue
  const cpu = e.tdur ?? e.dur // thread time where the trace has it: less sensitive to a busy machine
  if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') {
    const t = threads.get(`${e.pid}:${e.tid}`) ?? '?'
    byThread[t] = (byThread[t] ?? 0) + cpu
  }
  if (PHASES.includes(e.name)) byPhase[e.name] = (byPhase[e.name] ?? 0) + cpu
}
console.log(`${doc.nodes.length} nodes, ${doc.links.length} links; CPU ms per frame over ${frames} frames`)
console.log('by thread:', Object.entries(byThread).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${perFrame(v)}`).join(', '))
console.log('by phase: ', Object.entries(byPhase).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${perFrame(v)}`).join(', '))
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = {}
profile.samples.forEach((id, i) => {
  const f = byId.get(id).callFrame
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
  self[key] = (self[key] ?? 0) + (profile.timeDeltas[i] ?? 0)
})
console.log('hottest functions (self ms per frame):')
for (const [k, v] of Object.entries(self).sort((a, b) => b[1] - a[1]).filter(([k]) => !k.startsWith('(idle)')).slice(0, 15)) console.log(`  ${perFrame(v).padStart(6)}  ${k}`)
