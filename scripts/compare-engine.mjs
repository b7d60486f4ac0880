// npm run bench:engine:compare -- <git ref> [--pairs N] [--minutes M] [--separate]
// Is the engine in the working tree faster than at <ref>? Both are bundled (as the browser
// build bundles them) and run in one process, alternating which goes first, on E20 for M
// simulated minutes each, N times in all. Single runs on a shared machine wander by ±20 %;
// the median of paired ratios is steadier (two identical engines come out within about
// 3 %). Which engine a process loads first can tilt it by a few per cent, so half the
// pairs run in a process that loads <ref> first, half in one that loads the working tree
// first, and the two medians are averaged. With --separate, each engine runs in processes
// of its own instead (alternating, one pair = two neighbouring processes): slower, but no
// engine shares a heap or a JIT with the other.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const args = process.argv.slice(2)
const median = (xs) => {
  const s = [...xs].sort((p, q) => p - q)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2
}

if (args[0] === '--solo') {
  // one process, one engine: warm up, then the median of a few runs
  const [, dir, name, runsText, minutesText] = args
  const E = await import(pathToFileURL(join(dir, `${name}.mjs`)).href)
  const d = E.load(readFileSync('bench/fixtures/e20.wireplay.json', 'utf8'))
  const ms = Number(minutesText) * 60_000
  for (let i = 0; i < 2; i++) E.run(d, 90 + i, 3 * 60_000)
  const rs = Array.from({ length: Number(runsText) }, (_, i) => E.run(d, 1 + (i % 5), ms))
  console.log(JSON.stringify({ rate: median(rs) }))
  process.exit(0)
}

if (args[0] === '--inner') {
  // one process: load the two bundles in the given order and run the pairs
  const [, dir, first, pairsText, minutesText] = args
  const load = async (name) => import(pathToFileURL(join(dir, `${name}.mjs`)).href)
  const loaded = first === 'old' ? [await load('old'), await load('now')] : [await load('now'), await load('old')]
  const [A, B] = first === 'old' ? loaded : [loaded[1], loaded[0]]
  const text = readFileSync('bench/fixtures/e20.wireplay.json', 'utf8')
  const da = A.load(text)
  const db = B.load(text)
  const ms = Number(minutesText) * 60_000
  for (let i = 0; i < 2; i++) {
    A.run(da, 90 + i, 3 * 60_000)
    B.run(db, 90 + i, 3 * 60_000)
  }
  const ra = []
  const rb = []
  for (let i = 0; i < Number(pairsText); i++) {
    const seed = 1 + (i % 5)
    if (i % 2 === 0) {
      ra.push(A.run(da, seed, ms))
      rb.push(B.run(db, seed, ms))
    } else {
      rb.push(B.run(db, seed, ms))
      ra.push(A.run(da, seed, ms))
    }
  }
  console.log(JSON.stringify({ old: median(ra), now: median(rb), ratio: median(rb.map((b, i) => b / ra[i])) }))
  process.exit(0)
}

const opt = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
// the ref is the one word that is neither an option nor the value of --pairs or --minutes
const ref = args.find((a, i) => !a.startsWith('--') && !(i > 0 && (args[i - 1] === '--pairs' || args[i - 1] === '--minutes')))
if (!ref) {
  console.error('usage: npm run bench:engine:compare -- <git ref> [--pairs 100] [--minutes 1] [--separate]')
  process.exit(2)
}
const pairs = opt('--pairs', 100)
const minutes = opt('--minutes', 1)
const root = resolve('.')
const dir = mkdtempSync(join(tmpdir(), 'wireplay-compare-'))
// a long comparison is often stopped with Ctrl-C, which skips `finally`
process.once('SIGINT', () => {
  rmSync(dir, { recursive: true, force: true })
  process.exit(130)
})

const ENTRY = `import { createSimulation } from './src/sim/index'
import { parseRunDocumentText } from './src/share/document'
export function load(text) { const d = parseRunDocumentText(text); if (!d.ok) throw new Error('E20 does not load'); return d.value.diagram }
export function run(diagram, seed, ms) {
  const sim = createSimulation({ diagram, seed })
  const t0 = performance.now()
  sim.runUntil(ms)
  const wall = performance.now() - t0
  const events = sim.metrics().events
  sim.dispose()
  return (events / wall) * 1000
}
`

async function bundle(name, srcRoot) {
  writeFileSync(join(srcRoot, 'compare-entry.ts'), ENTRY)
  await build({ entryPoints: [join(srcRoot, 'compare-entry.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: join(dir, `${name}.mjs`), logLevel: 'error', nodePaths: [join(root, 'node_modules')] })
}

try {
  const old = join(dir, 'old')
  mkdirSync(old)
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { stdio: 'ignore' })
  } catch {
    console.error(`bench:engine:compare: ${ref} is not a commit here (try a hash, a branch or HEAD~3)`)
    process.exitCode = 2
    throw new Error('stop')
  }
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} src | tar -x -C ${JSON.stringify(old)}`], { stdio: ['ignore', 'ignore', 'inherit'] })
  const now = join(dir, 'now')
  mkdirSync(now)
  symlinkSync(join(root, 'src'), join(now, 'src'))
  await bundle('old', old)
  await bundle('now', now)
  const self = fileURLToPath(import.meta.url)
  if (args.includes('--separate')) {
    // each engine in processes of its own, alternating: no engine shares a heap or a
    // JIT with the other; a pair is two neighbouring processes, so both see the machine
    // in nearly the same state
    const solo = (name) => JSON.parse(execFileSync(process.execPath, [self, '--solo', dir, name, '3', String(minutes)], { encoding: 'utf8' })).rate
    const ratios = []
    const olds = []
    const nows = []
    for (let i = 0; i < pairs; i++) {
      const first = i % 2 === 0 ? 'old' : 'now'
      const r1 = solo(first)
      const r2 = solo(first === 'old' ? 'now' : 'old')
      const [o, n] = first === 'old' ? [r1, r2] : [r2, r1]
      olds.push(o)
      nows.push(n)
      ratios.push(n / o)
    }
    const ratio = median(ratios)
    const fmt = (x) => `${(x / 1e6).toFixed(2)} M events/s`
    console.log(`${ref}: ${fmt(median(olds))}   working tree: ${fmt(median(nows))}   (${pairs} pairs of processes, each the median of 3 runs of ${minutes} simulated min of E20)`)
    console.log(`working tree / ${ref}: ${ratio.toFixed(3)} (${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %); pair ratios from ${Math.min(...ratios).toFixed(3)} to ${Math.max(...ratios).toFixed(3)}`)
  } else {
    sameProcess(self)
  }
} catch (e) {
  if (process.exitCode !== 2) throw e
} finally {
  rmSync(dir, { recursive: true, force: true })
}

/** The default protocol: both engines in one process, paired runs, half the pairs with each loaded first. */
function sameProcess(self) {
  const half = Math.max(1, Math.round(pairs / 2))
  const inner = (first) => JSON.parse(execFileSync(process.execPath, [self, '--inner', dir, first, String(half), String(minutes)], { encoding: 'utf8' }))
  const a = inner('old')
  const b = inner('now')
  const ratio = Math.sqrt(a.ratio * b.ratio)
  const fmt = (x) => `${(x / 1e6).toFixed(2)} M events/s`
  console.log(`${ref}: ${fmt((a.old + b.old) / 2)}   working tree: ${fmt((a.now + b.now) / 2)}   (${2 * half} pairs of ${minutes} simulated min of E20)`)
  console.log(`working tree / ${ref}: ${ratio.toFixed(3)} (${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %); ${a.ratio.toFixed(3)} with ${ref} loaded first, ${b.ratio.toFixed(3)} with the working tree first`)
}
