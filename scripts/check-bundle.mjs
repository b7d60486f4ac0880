// Bundle budget: the JavaScript and CSS a first visit downloads before the editor works
// (what index.html loads, not lazily loaded chunks), gzipped. Deterministic, so it runs
// in `npm test`; run after `npm run build`.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = { js: 170, css: 10 }
const html = readFileSync('dist/index.html', 'utf8')
// what index.html names: the entry script, its modulepreloads, the stylesheets
const listed = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(js|css))"/g)].map((m) => ({ file: m[1], kind: m[2] }))
// plus whatever an initial chunk imports statically, should the html not preload it (a
// static import runs before the entry does; `import("./x.js")` is lazy and not matched)
const initial = [...listed]
for (let i = 0; i < initial.length; i++) {
  if (initial[i].kind !== 'js') continue
  const code = readFileSync(`dist/${initial[i].file}`, 'utf8')
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) {
    const file = `assets/${m[1]}`
    if (existsSync(`dist/${file}`) && !initial.some((f) => f.file === file)) initial.push({ file, kind: 'js' })
  }
}
const lazy = readdirSync('dist/assets').filter((f) => f.endsWith('.js') && !initial.some((i) => i.file.endsWith(f)))
const gzipKb = (path) => gzipSync(readFileSync(path)).length / 1024

let failed = false
for (const kind of ['js', 'css']) {
  const files = initial.filter((i) => i.kind === kind)
  const sizes = files.map((i) => ({ ...i, kb: gzipKb(`dist/${i.file}`) }))
  const kb = sizes.reduce((sum, i) => sum + i.kb, 0)
  const ok = kb <= BUDGET_KB[kind]
  failed ||= !ok
  console.log(`initial ${kind}: ${kb.toFixed(1)} kB gzip in ${files.length} file${files.length === 1 ? '' : 's'} (budget ${BUDGET_KB[kind]} kB) ${ok ? 'ok' : 'OVER BUDGET'}`)
  for (const i of sizes) console.log(`  ${i.file.replace('assets/', '')} ${i.kb.toFixed(1)} kB gzip${listed.some((l) => l.file === i.file) ? '' : ' (imported, not named in index.html)'}`)
}
for (const f of lazy) console.log(`lazy: ${f} ${gzipKb(`dist/assets/${f}`).toFixed(1)} kB gzip`)
if (initial.length === 0) {
  console.log('no assets found in dist/index.html: build first')
  failed = true
}
process.exit(failed ? 1 : 0)
