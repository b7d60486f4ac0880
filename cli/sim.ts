import { runSim } from './main'

// Entry point of `npm run sim`; everything testable lives in main.ts.
try {
  process.exitCode = runSim(process.argv.slice(2))
} catch (e) {
  // a bug, not bad input: still one line, never a stack trace
  process.stderr.write(`wireplay sim: internal error: ${(e as Error).message}\n`)
  process.exitCode = 1
}
