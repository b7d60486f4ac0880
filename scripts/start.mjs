// `npm start`: install when needed, build, serve the production build, print the URL.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (args) => {
  const r = spawnSync(npm, args, { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (!existsSync('node_modules/.package-lock.json') || !existsSync('node_modules/vite')) {
  console.log('Installing dependencies (first run)…')
  run(['ci', '--no-audit', '--no-fund'])
}
console.log('Building…')
run(['run', 'build', '--silent'])

const { preview } = await import('vite')
const port = Number(process.env.PORT ?? 4173)
const server = await preview({ preview: { port, host: process.env.HOST ?? '127.0.0.1' } })
console.log('\nWireplay is running:')
server.printUrls()
console.log('Press Ctrl+C to stop.')
