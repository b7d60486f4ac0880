import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runSim, type Io } from './main'

/** runSim with captured output and an in-memory file system (missing paths throw ENOENT like fs). */
function sim(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => {
      if (p in files) return files[p] as string
      if (p.startsWith('examples/') || p.startsWith('bench/')) return readFileSync(p, 'utf8')
      throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })
    },
    clock: () => 0,
  }
  const code = runSim(argv, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const doc = (nodes: object[], links: object[] = [], extra: object = {}) => JSON.stringify({ wireplay: 1, nodes, links, ...extra })
const c = { id: 'c', kind: 'client', label: 'C', x: 0, y: 0 }
const s = { id: 's', kind: 'service', label: 'S', x: 0, y: 0 }

describe('npm run sim', () => {
  it('explains every option with --help', () => {
    const r = sim(['--help'])
    expect(r.code).toBe(0)
    for (const o of ['--duration', '--seed', '--json', '--help']) expect(r.out).toContain(o)
  })

  it.each([
    [['missing.json'], /^wireplay sim: cannot read missing\.json: no such file$/],
    [['x.json', '--frobnicate'], /^wireplay sim: unknown option “--frobnicate”/],
    [[], /no diagram file given/],
    [['a.json', 'b.json'], /one diagram file at a time/],
    [['x.json', '--duration', 'soon'], /--duration “soon” is not a time/],
    [['x.json', '--duration'], /--duration needs a value/],
    [['x.json', '--seed', '4.5'], /--seed “4.5” is not a whole number/],
    [['x.json', '--duration', '30d'], /longer than the limit/],
  ])('refuses %j with one clear line and exit code 2', (argv, message) => {
    const r = sim(argv)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
    expect(r.err.split('\n')).toHaveLength(1)
    expect(r.out).toBe('')
  })

  it('points at the position of invalid JSON', () => {
    const r = sim(['bad.json'], { 'bad.json': '{\n  "wireplay": 1,\n  "nodes": [,]\n}' })
    expect(r.code).toBe(2)
    expect(r.err).toBe('wireplay sim: bad.json is not valid JSON: line 3, column 13: unexpected “,”')
  })

  it('lists the path of every problem of a document that fails validation', () => {
    const text = doc([c, { ...s, settings: { workers: 0 } }], [{ id: 'l', source: 'c', target: 'nowhere', kind: 'sync' }])
    const r = sim(['d.json'], { 'd.json': text })
    expect(r.code).toBe(2)
    expect(r.err.split('\n')).toHaveLength(1)
    expect(r.err).toContain('nodes[1].settings.workers: Workers per replica must be at least 1.')
    expect(r.err).toContain('links[0].target:')
  })

  it('checks the fault timeline too', () => {
    const text = doc([c, s], [{ id: 'l', source: 'c', target: 's', kind: 'sync' }], { faults: [{ at: 10, action: 'crash', node: 'c' }, { at: -1, action: 'explode' }] })
    const r = sim(['d.json'], { 'd.json': text })
    expect(r.code).toBe(2)
    expect(r.err).toContain('faults[0].node: Only a service or a database can crash')
    expect(r.err).toContain('faults[1].at')
  })

  it('runs every shipped example, deterministically, and prints tables or JSON', { timeout: 30_000 }, () => {
    const examples = readdirSync('examples').filter((f) => f.endsWith('.wireplay.json'))
    expect(examples.length).toBeGreaterThanOrEqual(5)
    for (const f of examples) {
      const table = sim([`examples/${f}`, '--duration', '20s', '--seed', '42'])
      expect(table.code, table.err).toBe(0)
      expect(table.out).toContain('Records: created')
      expect(table.out).not.toContain('NOT CONSERVED')
      const a = sim([`examples/${f}`, '--duration=20s', '--seed=42', '--json'])
      const b = sim([`examples/${f}`, '--json', '--seed', '42', '--duration', '20s'])
      expect(a.out).toBe(b.out)
      const parsed = JSON.parse(a.out)
      expect(parsed.metrics.totals.created).toBe(parsed.metrics.totals.ended + parsed.metrics.totals.inFlight)
      expect(parsed.metrics.time).toBe(20_000)
    }
  })

  it('runs as a real command: exit codes and no stack trace', { timeout: 30_000 }, () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/sim.ts', ...args], { encoding: 'utf8' })
    const missing = run('does-not-exist.json')
    expect(missing.status).toBe(2)
    expect(missing.stderr.trim()).toBe('wireplay sim: cannot read does-not-exist.json: no such file')
    const ok = run('bench/fixtures/mm1.wireplay.json', '--duration', '5s', '--json')
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout).metrics.servers[0].label).toBe('Service')
  })
})
