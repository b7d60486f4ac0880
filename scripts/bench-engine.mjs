// npm run bench:engine — bundles cli/bench-engine.ts the way the browser build bundles the
// engine (one scope-hoisted module), then runs it in this process. A bare `tsx` run keeps
// every module separate and measures cross-module bindings instead of the engine.
import { build } from 'esbuild'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const dir = mkdtempSync(join(tmpdir(), 'wireplay-bench-'))
const outfile = join(dir, 'bench-engine.mjs')
try {
  await build({ entryPoints: ['cli/bench-engine.ts'], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'error' })
  await import(pathToFileURL(outfile).href)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
