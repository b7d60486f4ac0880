import { readFileSync } from 'node:fs'
import { formatProblems, parseRunDocumentText } from '../src/share/document'
import { createSimulation } from '../src/sim/index'
import { DEFAULT_SEED, USAGE, parseArgs } from './args'
import { formatMetrics } from './format'
import { locateJsonError } from './jsonError'

export interface Io {
  out: (text: string) => void
  err: (text: string) => void
  readFile: (path: string) => string
  /** wall clock for the "n events in s" line only; the engine never reads it */
  clock: () => number
}

export const nodeIo: Io = {
  out: (t) => void process.stdout.write(`${t}\n`),
  err: (t) => void process.stderr.write(`${t}\n`),
  readFile: (p) => readFileSync(p, 'utf8'),
  clock: () => performance.now(),
}

const fail = (io: Io, message: string): number => {
  io.err(`wireplay sim: ${message}`)
  return 2
}

/** The `sim` command: returns its exit code, never throws for bad input. */
export function runSim(argv: readonly string[], io: Io = nodeIo): number {
  const args = parseArgs(argv)
  if (!args.ok) return fail(io, args.error)
  if (args.value.help) {
    io.out(USAGE)
    return 0
  }
  const { file, durationMs, seed, json } = args.value
  let text: string
  try {
    text = io.readFile(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message
    return fail(io, `cannot read ${file}: ${why}`)
  }
  const doc = parseRunDocumentText(text)
  if (!doc.ok) {
    const first = doc.error[0]
    if (doc.error.length === 1 && first?.path === '' && first.message.startsWith('Not valid JSON')) {
      const at = locateJsonError(text)
      return fail(io, at ? `${file} is not valid JSON: line ${at.line}, column ${at.column}: ${at.message}` : `${file} is not valid JSON`)
    }
    return fail(io, `${file} is not a valid Wireplay document: ${formatProblems(doc.error).split('\n').join('; ')}`)
  }
  const runSeed = seed ?? doc.value.diagram.seed ?? DEFAULT_SEED
  const sim = createSimulation({ diagram: doc.value.diagram, faults: doc.value.faults, seed: runSeed, traceCapacity: 0 })
  const start = io.clock()
  sim.runUntil(durationMs)
  const wall = io.clock() - start
  const metrics = sim.metrics()
  sim.dispose()
  io.out(json ? JSON.stringify({ file, durationMs, seed: runSeed, metrics }, null, 2) : formatMetrics(file, metrics, wall))
  return 0
}
