import { err, ok, type Result } from '../src/lib/result'
import { parseDuration } from './duration'

export interface SimArgs {
  help: boolean
  file: string
  durationMs: number
  /** null: the document's own seed (1 when it has none) */
  seed: number | null
  json: boolean
}

export const DEFAULT_DURATION_MS = 60_000
export const DEFAULT_SEED = 1
/** A week of simulated time: far beyond any lesson, still a bounded wait. */
export const MAX_DURATION_MS = 7 * 86_400_000

export const USAGE = `Usage: npm run sim -- <diagram.wireplay.json> [--duration 10m] [--seed 42] [--json]

Runs a Wireplay diagram (the file the editor saves and exports) in simulated time, with
no browser, and prints its metrics. The same file, seed and duration always give the
same numbers. A fault timeline in the file ("faults") is replayed.

Options:
  --duration <time>  simulated time to run: 500ms, 30s, 10m, 2h, 1d, or a number of
                     seconds (default 1m, at most 7d)
  --seed <integer>   seed of the random streams (default: the file's "seed", else ${DEFAULT_SEED})
  --json             print the metrics as JSON instead of tables
  -h, --help         show this help

Exit codes: 0 ran, 2 the command line or the file is wrong (one line on stderr says why).`

/** Parse argv (without node and the script). Never throws. */
export function parseArgs(argv: readonly string[]): Result<SimArgs> {
  const out: SimArgs = { help: false, file: '', durationMs: DEFAULT_DURATION_MS, seed: null, json: false }
  const files: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1
    const name = eq > 0 ? raw.slice(0, eq) : raw
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i])
    switch (name) {
      case '-h':
      case '--help':
        out.help = true
        break
      case '--json':
        out.json = true
        break
      case '--duration': {
        const v = value()
        if (v === undefined) return err('--duration needs a value, like --duration 10m')
        const ms = parseDuration(v)
        if (ms === null || ms <= 0) return err(`--duration “${v}” is not a time: write it like 500ms, 30s, 10m or 2h`)
        if (ms > MAX_DURATION_MS) return err(`--duration ${v} is longer than the limit of 7d`)
        out.durationMs = ms
        break
      }
      case '--seed': {
        const v = value()
        if (v === undefined) return err('--seed needs a value, like --seed 42')
        if (!/^-?\d{1,15}$/.test(v.trim())) return err(`--seed “${v}” is not a whole number`)
        out.seed = Number(v)
        break
      }
      default:
        if (raw.startsWith('-') && raw !== '-') return err(`unknown option “${raw}” (see --help)`)
        files.push(raw)
    }
  }
  if (out.help) return ok(out)
  if (files.length === 0) return err('no diagram file given (see --help)')
  if (files.length > 1) return err(`one diagram file at a time; got ${files.length}: ${files.join(', ')}`)
  out.file = files[0] as string
  return ok(out)
}
