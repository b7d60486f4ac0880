// Bundle budget: the JavaScript and CSS a first visit downloads before the editor works
// (what index.html loads, not lazily loaded chunks), gzipped. Deterministic, so it runs
// in `npm test`; run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = { js: 170, css: 10 }
const html = readFileSync('dist/index.html', 'utf8')
const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(js|css))"/g)].map((m) => ({ file: m[1], kind: m[2] }))
const lazy = readdirSync('dist/assets').filter((f) => f.endsWith('.js') && !initial.some((i) => i.file.endsWith(f)))

let failed = false
for (const kind of ['js', 'css']) {
  const files = initial.filter((i) => i.kind === kind)
  const kb = files.reduce((sum, i) => sum + gzipSync(readFileSync(`dist/${i.file}`)).length, 0) / 1024
  const ok = kb <= BUDGET_KB[kind]
  failed ||= !ok
  console.log(`initial ${kind}: ${kb.toFixed(1)} kB gzip (budget ${BUDGET_KB[kind]} kB) ${ok ? 'ok' : 'OVER BUDGET'}`)
}
for (const f of lazy) console.log(`lazy: ${f} ${(gzipSync(readFileSync(`dist/assets/${f}`)).length / 1024).toFixed(1)} kB gzip`)
if (initial.length === 0) {
  console.log('no assets found in dist/index.html: build first')
  failed = true
}
process.exit(failed ? 1 : 0)
