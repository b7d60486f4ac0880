import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// The link codec loads on first use (a dynamic import of share/link); here it can be made
// to fail as it does in a browser whose connection dropped since the page loaded.
const codec = vi.hoisted(() => ({ loads: true }))
vi.mock('../share/link', async (importOriginal) => {
  if (!codec.loads) throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/link-abc.js')
  return importOriginal()
})

/** The page's address and history, as much of them as readIncomingLink uses. */
function page(hash: string) {
  const address = { pathname: '/wireplay/', search: '?x=1', hash, origin: 'http://127.0.0.1' }
  const replaceState = vi.fn<(data: unknown, unused: string, url: string) => void>((_d, _u, url) => {
    address.hash = url.includes('#') ? url.slice(url.indexOf('#')) : ''
  })
  vi.stubGlobal('location', address)
  vi.stubGlobal('history', { replaceState })
  return { address, replaceState }
}

/** A fresh copy of the module, so that each test loads the codec (or fails to) anew. */
async function readIncomingLink(keep?: boolean) {
  const m = await import('./shareLinks')
  return keep ? m.readIncomingLink(true) : m.readIncomingLink()
}

// a diagram link's shape; its content does not matter when the codec cannot load
const LINK = '#w1.eJyrVkrLzClJLVKyUlAqSS0uUaoFADZ8Bcw'

describe('readIncomingLink', () => {
  beforeEach(() => {
    vi.resetModules()
    codec.loads = true
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('keeps the link in the address bar when the codec cannot load, so nothing is lost and a reload tries again', async () => {
    codec.loads = false
    const { address, replaceState } = page(LINK)
    const link = await readIncomingLink()
    expect(link).toMatchObject({ ok: false, error: { kind: 'unavailable' } })
    expect(link?.ok === false && link.error.message).toMatch(/reload the page/)
    expect(replaceState).not.toHaveBeenCalled()
    expect(address.hash).toBe(LINK)
  })

  it('keeps it in an embed too', async () => {
    codec.loads = false
    const { address } = page(LINK)
    expect(await readIncomingLink(true)).toMatchObject({ ok: false, error: { kind: 'unavailable' } })
    expect(address.hash).toBe(LINK)
  })

  it('drops a link that was read, even a broken one, so a reload does not open it again', async () => {
    // the contrast: with the codec loaded, a damaged link is read (and refused) and goes
    const { address, replaceState } = page('#w1.not-deflate-at-all')
    const link = await readIncomingLink()
    expect(link?.ok).toBe(false)
    expect(link?.ok === false && link.error.kind).not.toBe('unavailable')
    expect(replaceState).toHaveBeenCalledWith(null, '', '/wireplay/?x=1')
    expect(address.hash).toBe('')
  })
})
