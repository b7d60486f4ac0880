import { test, expect, type Editor } from './fixtures'
import { TEST_IDS } from '../src/lib/testIds'
import { syncCallChain } from '../src/scenarios/library/syncCallChain'

/**
 * The live run, with the page's clock under the test's control: `runFor` advances wall
 * time (animation frames included) without waiting.
 */
async function openWithClock(editor: Editor) {
  await editor.open()
  await editor.dismissHint()
  // installed after the app has settled, so only the run's frames are driven by the test
  await editor.page.clock.install()
  await expect(runButton(editor)).toBeVisible()
}

const runButton = (editor: Editor) => editor.page.getByRole('region', { name: 'Run' }).getByRole('button', { name: 'Run', exact: true })
const pauseButton = (editor: Editor) => editor.page.getByRole('region', { name: 'Run' }).getByRole('button', { name: 'Pause', exact: true })
const clock = (editor: Editor) => editor.page.getByRole('timer', { name: 'Simulated time' })
const live = (editor: Editor, label: string) => editor.node(label).getByTestId(TEST_IDS.nodeLive)

test('Run advances the simulated clock and nodes show their live state; Pause freezes it', async ({ editor, page }) => {
  await openWithClock(editor)
  await expect(clock(editor)).toHaveText('0.000 s')
  await runButton(editor).click()
  await page.clock.runFor(2_000)
  await expect(clock(editor)).not.toHaveText('0.000 s')
  await expect(live(editor, 'Orders')).toHaveAttribute('aria-label', /workers busy/)
  await expect(live(editor, 'Shipping jobs')).toHaveAttribute('aria-label', /messages held/)
  await pauseButton(editor).click()
  const frozen = await clock(editor).textContent()
  await page.clock.runFor(2_000)
  await expect(clock(editor)).toHaveText(frozen!)
})

test('Space toggles Run and Pause; Step advances by exactly one event', async ({ editor, page }) => {
  await openWithClock(editor)
  await editor.clickEmptyCanvas()
  await page.keyboard.press('Space')
  await expect(pauseButton(editor)).toBeVisible()
  await page.clock.runFor(500)
  await page.keyboard.press('Space')
  await expect(runButton(editor)).toBeVisible()
  const events = page.getByLabel('Events processed')
  const before = Number((await events.textContent())!.replace(/,/g, ''))
  await page.getByRole('button', { name: 'Step', exact: true }).click()
  await expect(events).toHaveText((before + 1).toLocaleString('en-US'))
  await page.getByRole('button', { name: 'Step', exact: true }).click()
  await expect(events).toHaveText((before + 2).toLocaleString('en-US'))
  await page.getByRole('button', { name: 'Reset', exact: true }).click()
  await expect(clock(editor)).toHaveText('0.000 s')
})

test('a crashed consumer lets its queue grow; restarted, it drains the queue to zero', async ({ editor, page }) => {
  await openWithClock(editor)
  await editor.selectNode('Shipping')
  await page.getByRole('button', { name: 'Crash Shipping' }).click()
  await page.getByRole('combobox', { name: 'Fast-forward by' }).selectOption({ label: '10 s' })
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(2_000)
  await expect(clock(editor)).toHaveText('10.000 s')
  const depth = async () => Number(/^(\d+) messages held/.exec((await live(editor, 'Shipping jobs').getAttribute('aria-label')) ?? '')?.[1])
  expect(await depth()).toBeGreaterThan(10)
  await expect(live(editor, 'Shipping')).toHaveAttribute('aria-label', /0 of 1 replicas up/)
  // the fault is on the timeline
  await expect(page.getByRole('button', { name: /^Fault at 0\.000 s: Crash Shipping/ })).toBeVisible()
  // a fault goes on the next whole ms after now, so the paused clock steps to 10.001 s
  await page.getByRole('button', { name: 'Restart Shipping' }).click()
  await expect(clock(editor)).toHaveText('10.001 s')
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(2_000)
  await expect(clock(editor)).toHaveText('20.001 s')
  // Shipping drains a little faster than orders arrive (each delivery and ack take 120 ms):
  // give it a minute, then run on until the queue stands empty (orders keep coming, so one
  // may be on its way at any instant)
  await page.getByRole('combobox', { name: 'Fast-forward by' }).selectOption({ label: '1 min' })
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(3_000)
  await expect(clock(editor)).toHaveText('1:20.001')
  expect(await depth()).toBeLessThan(10)
  // then, running, the backlog is gone: every message held is one out for delivery, none
  // waits in the queue (orders keep coming, so one is often on its way), and none was lost
  const waiting = async () => {
    const m = /^(\d+) messages held, (\d+) awaiting ack, (\d+) dead-lettered/.exec((await live(editor, 'Shipping jobs').getAttribute('aria-label')) ?? '')
    return m ? { ready: Number(m[1]) - Number(m[2]), dead: Number(m[3]) } : null
  }
  await runButton(editor).click()
  await expect
    .poll(
      async () => {
        await page.clock.runFor(100)
        return waiting()
      },
      { timeout: 20_000 },
    )
    .toEqual({ ready: 0, dead: 0 })
})

test('the timeline scrubs back to an earlier instant and shows what it showed then', async ({ editor, page }) => {
  await openWithClock(editor)
  await editor.selectNode('Shipping')
  await page.getByRole('button', { name: 'Crash Shipping' }).click()
  await page.getByRole('combobox', { name: 'Fast-forward by' }).selectOption({ label: '10 s' })
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(2_000)
  const atTen = await live(editor, 'Shipping jobs').getAttribute('aria-label')
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(2_000)
  await expect(clock(editor)).toHaveText('20.000 s')
  await expect(live(editor, 'Shipping jobs')).not.toHaveAttribute('aria-label', atTen!)
  const slider = page.getByRole('slider', { name: 'Timeline' })
  await slider.evaluate((el: HTMLInputElement) => {
    el.value = '10000'
    el.dispatchEvent(new Event('change', { bubbles: true }))
  })
  await page.clock.runFor(2_000)
  await expect(clock(editor)).toHaveText('10.000 s')
  await expect(live(editor, 'Shipping jobs')).toHaveAttribute('aria-label', atTen!)
})

test('a fault from a node’s context menu goes on the timeline and into the saved diagram', async ({ editor, page }) => {
  await openWithClock(editor)
  await editor.node('Orders').click({ button: 'right' })
  const menu = page.getByRole('menu', { name: 'Faults for Orders' })
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  await menu.getByRole('menuitem', { name: 'Raise the error rate to 50 %' }).click()
  await expect(menu).toBeHidden()
  expect(await page.evaluate(() => (window.__wireplay!.document() as { faults?: unknown[] }).faults)).toEqual([{ at: 0, action: 'errorRate', node: 'service-1', errorRate: 50 }])
  await page.keyboard.press('Control+z')
  expect(await page.evaluate(() => (window.__wireplay!.document() as { faults?: unknown[] }).faults)).toBeUndefined()
  // a client cannot be broken: the menu says so, and Escape closes it
  await editor.node('Web shop').click({ button: 'right' })
  const none = page.getByRole('menu', { name: 'Faults for Web shop' })
  await expect(none).toContainText('Only services, databases and links can be broken.')
  await page.keyboard.press('Escape')
  await expect(none).toBeHidden()
})

test('a service time typed in the inspector goes on the timeline, and the running node says it is slowed', async ({ editor, page }) => {
  await openWithClock(editor)
  await editor.selectNode('Orders')
  await editor.inspector.getByLabel('Service time from now').fill('1500')
  await editor.inspector.getByRole('button', { name: 'Set', exact: true }).click()
  expect(await page.evaluate(() => (window.__wireplay!.document() as { faults?: unknown[] }).faults)).toEqual([{ at: 0, action: 'serviceTime', node: 'service-1', timeMs: 1500 }])
  await runButton(editor).click()
  await page.clock.runFor(500)
  await expect(live(editor, 'Orders')).toContainText('service time 1500 ms')
  await expect(live(editor, 'Orders')).toHaveAttribute('aria-label', /now service time 1500 ms$/)
  // the other services run as their settings say
  await expect(live(editor, 'Shipping')).not.toContainText('service time')
})

type PacketStats = { drawn: number; journeyLinks: number; packets: { x: number; y: number; carries: string; traced: boolean }[] }
const packetStats = (editor: Editor) => editor.page.locator('canvas.packet-layer').evaluate((c) => (c as unknown as { packetStats(): PacketStats }).packetStats())

test('packets are drawn where the engine says, freeze on Pause, and a click traces one', async ({ editor, page }) => {
  await openWithClock(editor)
  await runButton(editor).click()
  await expect
    .poll(async () => {
      await page.clock.runFor(50)
      return (await packetStats(editor)).drawn
    })
    .toBeGreaterThan(0)
  await pauseButton(editor).click()
  const frozen = await packetStats(editor)
  await page.clock.runFor(500)
  expect((await packetStats(editor)).packets).toEqual(frozen.packets)
  // a packet just leaving or reaching a node lies under it (or under a panel), and a click
  // there goes to what covers it; click one out on a link
  const index = await page.evaluate(
    (points) =>
      points.findIndex((p) => {
        const under = document.elementFromPoint(p.x, p.y)
        return under?.closest('.react-flow') && !under.closest('.react-flow__node, .react-flow__panel, .react-flow__controls, .react-flow__minimap')
      }),
    frozen.packets,
  )
  expect(index).toBeGreaterThanOrEqual(0)
  const packet = frozen.packets[index]!
  await page.mouse.click(packet.x, packet.y)
  await expect.poll(async () => (await packetStats(editor)).journeyLinks).toBeGreaterThan(0)
  // the traced request is the clicked packet's (or, where two packets overlap exactly, the other's)
  const after = (await packetStats(editor)).packets
  expect(after.some((p) => p.traced && Math.hypot(p.x - packet.x, p.y - packet.y) < 1)).toBe(true)
})

test('hops of a few ms are drawn slowed down, so a diagram with default links shows its traffic at 1×', async ({ editor, page }) => {
  // every link of this scenario takes the default 2 ms: at their simulated times its hops
  // would come and go between two frames
  const { nodes, links } = syncCallChain.document
  await editor.open({ doc: { wireplay: 1, nodes: nodes.map((n) => ({ ...n, settings: { ...n.settings } })), links: links.map((l) => ({ ...l, settings: { ...l.settings } })) } })
  await editor.dismissHint()
  await page.clock.install()
  await runButton(editor).click()
  await page.clock.runFor(1_000)
  let drawn = 0
  for (let i = 0; i < 20; i++) {
    await page.clock.runFor(16)
    drawn += (await packetStats(editor)).drawn
  }
  // 20 requests a second, six hops each, 0.15 s on screen each: about 18 at a time (drawn
  // at their simulated times, fewer than one a frame)
  expect(drawn / 20).toBeGreaterThan(6)
})

test('a slowed link says so on its badge, and in words in its inspector, until it is restored', async ({ editor }) => {
  await openWithClock(editor)
  const badge = editor.linkBadges.filter({ hasText: /^HTTP$/ })
  await badge.click()
  await editor.inspector.getByRole('button', { name: 'Slow this link by 200 ms' }).click()
  await expect(editor.linkBadges.filter({ hasText: 'HTTP · +200 ms' })).toHaveCount(1)
  await expect(editor.inspector).toContainText('takes 200 ms longer each way')
  await editor.inspector.getByRole('button', { name: 'Restore its latency' }).click()
  await expect(editor.linkBadges.filter({ hasText: '+200 ms' })).toHaveCount(0)
})

test('keyboard only: the context-menu key on a focused node opens its faults, and focus comes back', async ({ editor, page }) => {
  await openWithClock(editor)
  const orders = editor.node('Orders')
  await orders.focus()
  await page.keyboard.press('Shift+F10')
  const menu = page.getByRole('menu', { name: 'Faults for Orders' })
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(menu.getByRole('menuitem', { name: 'Crash Orders' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await expect(orders).toBeFocused()
  await expect(live(editor, 'Orders')).toHaveAttribute('aria-label', /0 of 1 replicas up/)
})
