// `npm start`: install when needed, build, serve the production build, print the URL.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (args) => {
  // npm.cmd is a batch file: Windows runs it only through a shell
  const r = spawnSync(npm, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const installed = 'node_modules/.package-lock.json'
const stale = !existsSync(installed) || !existsSync('node_modules/vite') || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs
if (stale) {
  console.log('Installing dependencies…')
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
