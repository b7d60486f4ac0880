import type { Page } from '@playwright/test'
import { Editor, expect, test } from './fixtures'

/**
 * The Scenarios gallery, the panel of the open scenario, links to a scenario and lesson
 * step, and the Patterns explainer, as a trainer and a learner use them.
 */

test('the gallery lists the scenarios by group, searches them, moves by arrow keys and closes with Escape', async ({ editor, page }) => {
  await editor.open()
  const scenariosButton = editor.toolbarButton('Scenarios…')
  await scenariosButton.click()
  const gallery = page.getByRole('dialog', { name: 'Scenarios' })
  await expect(gallery).toBeVisible()
  const cards = gallery.getByRole('button', { name: /^Open / })
  await expect(cards).toHaveCount(15)
  for (const group of ['The four patterns', 'When things fail', 'Decoupling']) await expect(gallery.getByRole('heading', { name: group })).toBeVisible()
  // each card says whether it comes with a lesson
  await expect(gallery.getByRole('button', { name: 'Open A chain of synchronous calls' })).toContainText('Lesson')

  const search = gallery.getByRole('searchbox', { name: 'Search scenarios' })
  await expect(search).toBeFocused()
  await search.fill('dead letter')
  await expect(gallery.getByRole('button', { name: 'Open Poison messages go to the dead-letter queue' })).toBeVisible()
  await expect(gallery.getByRole('button', { name: 'Open A chain of synchronous calls' })).toHaveCount(0)
  await expect(gallery.getByRole('heading', { name: 'The four patterns' })).toHaveCount(0)
  await search.fill('no scenario says this')
  await expect(cards).toHaveCount(0)
  await expect(gallery).toContainText('No scenario matches')
  await search.fill('')
  await expect(cards).toHaveCount(15)

  // Down from the search box into the cards, then Right and Left between them
  await search.press('ArrowDown')
  await expect(cards.nth(0)).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(cards.nth(1)).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(cards.nth(0)).toBeFocused()
  await page.keyboard.press('End')
  await expect(cards.nth(14)).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(gallery).toBeHidden()
  await expect(scenariosButton).toBeFocused()
  await expect(editor.nodes).toHaveCount(8)
})

test('opening a scenario shows its diagram and its panel; Try adds its fault; an edit makes it your copy', async ({ editor, page }) => {
  await editor.open()
  await editor.toolbarButton('Scenarios…').click()
  const gallery = page.getByRole('dialog', { name: 'Scenarios' })
  await gallery.getByRole('searchbox', { name: 'Search scenarios' }).fill('competing')
  await gallery.getByRole('button', { name: 'Open Work shared by competing consumers' }).click()
  await expect(gallery).toBeHidden()
  await expect(editor.nodes).toHaveCount(6)
  for (const label of ['Photo uploads', 'Upload API', 'Resize jobs', 'Resizer A', 'Resizer B', 'Resizer C']) await expect(editor.node(label)).toBeVisible()
  // the scenario's name is the diagram's title
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue('Work shared by competing consumers')
  await expect(page).toHaveTitle('Work shared by competing consumers — Wireplay')

  const panel = editor.inspector.getByRole('region', { name: 'Work shared by competing consumers' })
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('Watch:')
  await panel.getByRole('button', { name: 'Try: Detach Resizer C from the queue.' }).click()
  await expect.poll(async () => ((await editor.document()) as { faults?: unknown[] }).faults).toEqual([{ at: 0, action: 'detach', link: 'queue-resizer-c' }])
  // trying the suggested fault is what the scenario is for: it is still the scenario
  await expect(panel).toBeVisible()

  // the scenario link is offered while the diagram is the scenario's own
  await editor.toolbarButton('Share…').click()
  const share = page.getByRole('dialog', { name: 'Share this diagram' })
  await expect(share.getByRole('textbox', { name: 'Scenario link' })).toHaveValue(/#s\.competing-consumers$/)
  await share.getByRole('button', { name: 'Close' }).click()

  // a changed setting makes it the user's copy, with no scenario link
  await editor.selectNode('Upload API')
  await editor.field('Workers per replica').fill('9')
  await editor.clickEmptyCanvas()
  await expect(editor.inspector.getByRole('heading', { name: 'Your copy of Work shared by competing consumers' })).toBeVisible()
  await editor.toolbarButton('Share…').click()
  await expect(share.getByRole('textbox', { name: 'Share link' })).toBeVisible()
  await expect(share.getByRole('textbox', { name: 'Scenario link' })).toHaveCount(0)
  await share.getByRole('button', { name: 'Close' }).click()

  // Undo takes it back to the scenario as it ships
  await editor.toolbarButton('Undo').click()
  await expect(editor.inspector.getByRole('heading', { name: 'Work shared by competing consumers', exact: true })).toBeVisible()

  await panel.getByRole('button', { name: 'Close scenario' }).click()
  await expect(editor.inspector.getByRole('region', { name: /competing consumers/ })).toHaveCount(0)
  await expect(editor.nodes).toHaveCount(6)
})

test('a link to a scenario and lesson step opens it at that step in a fresh browser', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const editor = new Editor(page)
  await page.goto('/#s.sync-call-chain.3')
  await expect(editor.nodes).toHaveCount(4)
  await expect(editor.node('Orders DB')).toBeVisible()
  await expect(editor.inspector.getByRole('region', { name: 'A chain of synchronous calls' })).toBeVisible()
  // the lesson player shows the step the link named
  await expect(page.getByText('Step 3 of 6')).toBeVisible()
  // like a diagram link, it is not kept in the address bar
  expect(new URL(page.url()).hash).toBe('')
  expect(editor.errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
  await context.close()
})

test('a scenario link over the starter, saved by an earlier visit as it ships, opens without a question', async ({ editor, page }) => {
  await editor.open()
  await editor.waitForAutosave()
  await page.goto('/favicon.svg')
  await page.goto('/#s.event-fan-out')
  await expect(page.getByRole('heading', { name: 'One event, many subscribers' }).first()).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Open the scenario?' })).toHaveCount(0)
})

test('a scenario link pasted into an open tab over the starter as it ships opens without a question; over an edit, it asks', async ({ editor, page }) => {
  await editor.open()
  await editor.waitForAutosave()
  await page.evaluate(() => {
    location.hash = 's.event-fan-out'
  })
  await expect(page.getByRole('heading', { name: 'One event, many subscribers' }).first()).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Open the scenario?' })).toHaveCount(0)

  // the scenario, once changed, is someone's work: the next pasted link asks
  await editor.selectNode('Email')
  await page.keyboard.press('Delete')
  await expect(editor.nodes).toHaveCount(5)
  await page.evaluate(() => {
    location.hash = 's.sync-call-chain'
  })
  const ask = page.getByRole('dialog', { name: 'Open the scenario?' })
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(editor.nodes).toHaveCount(5)
})

test('a scenario link over saved work asks first; an unknown scenario or step shows the banner and changes nothing', async ({ editor, page }) => {
  await editor.open()
  await editor.selectNode('Email')
  await page.keyboard.press('Delete')
  await expect(editor.nodes).toHaveCount(7)
  await editor.waitForAutosave()
  await page.goto('/favicon.svg')
  await page.goto('/#s.event-fan-out')
  const ask = page.getByRole('dialog', { name: 'Open the scenario?' })
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(editor.nodes).toHaveCount(7)

  const banner = page.getByRole('alert').filter({ hasText: 'This link could not be opened.' })
  await page.evaluate(() => {
    location.hash = 's.no-such-scenario'
  })
  await expect(banner).toContainText('“no-such-scenario”, which this version of Wireplay does not have')
  await expect(editor.nodes).toHaveCount(7)
  await banner.getByRole('button', { name: 'Dismiss' }).click()

  await page.evaluate(() => {
    location.hash = 's.sync-call-chain.9'
  })
  await expect(banner).toContainText('step 9 of “A chain of synchronous calls”, whose lesson has 6 steps')
  await expect(editor.nodes).toHaveCount(7)

  await page.evaluate(() => {
    location.hash = 's.Not A Name'
  })
  await expect(banner).toContainText('should name a built-in scenario')
  await expect(editor.nodes).toHaveCount(7)
})

test('the Patterns explainer opens from the legend and from the gallery, and jumps to a scenario', async ({ editor, page }) => {
  await editor.open()
  const explain = page.getByRole('button', { name: 'What do these mean?' })
  // the legend starts folded on a first visit
  if (!(await explain.isVisible())) await page.getByText(/^Legend/).click()
  await explain.click()
  const patterns = page.getByRole('dialog', { name: 'The four ways services talk' })
  await expect(patterns).toBeVisible()
  for (const name of ['Synchronous HTTP', 'Asynchronous HTTP (202, then polling)', 'Messages through a queue', 'Events through a topic']) {
    await expect(patterns.getByRole('region', { name, exact: true })).toBeVisible()
  }
  await expect(patterns.getByRole('region', { name: 'Events through a topic' })).toContainText('Nothing.')
  await page.keyboard.press('Escape')
  await expect(patterns).toBeHidden()
  await expect(explain).toBeFocused()

  // from the gallery, and on to the scenario that shows events
  await editor.toolbarButton('Scenarios…').click()
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: 'The four ways services talk' }).click()
  await expect(page.getByRole('dialog', { name: 'Scenarios' })).toBeHidden()
  await expect(patterns).toBeVisible()
  await patterns.getByRole('region', { name: 'Events through a topic' }).getByRole('button', { name: 'Open the scenario' }).click()
  await expect(patterns).toBeHidden()
  await expect(editor.inspector.getByRole('region', { name: 'One event, many subscribers' })).toBeVisible()
  await expect(editor.node('Email')).toBeVisible()
})

/** Simulate ahead by one of the run bar's fast-forward steps ("10 s"). */
async function fastForward(page: Page, label = '10 s') {
  await page.getByRole('combobox', { name: 'Fast-forward by' }).selectOption({ label })
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
}

test('a contract change on the timeline shows on the link, and the consumer catches up from the link’s menu', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const editor = new Editor(page)
  await page.goto('/#s.contract-mismatch')
  await expect(editor.nodes).toHaveCount(4)
  const produce = editor.link('Message from Orders to Orders to ship')
  const deliver = editor.link('Message delivery from Orders to ship to Shipping')
  await expect(produce.getByTestId('link-badge')).toHaveText('✉ ShipOrder v1')
  const deadLettered = async () => Number(/(\d+) dead-lettered/.exec((await editor.node('Orders to ship').getByTestId('node-live').getAttribute('aria-label')) ?? '')?.[1] ?? NaN)
  // the new release goes out at 15 s: by 20 s its messages are being dead-lettered
  await fastForward(page)
  await expect(page.getByText('10.000 s')).toBeVisible()
  expect(await deadLettered()).toBe(0)
  await fastForward(page)
  await expect(page.getByText('20.000 s')).toBeVisible()
  await expect(produce.getByTestId('link-badge')).toHaveText('✉ ShipOrder v2')
  // its inspector keeps the setting and says what the run made of it
  await produce.getByTestId('link-badge').click({ force: true })
  await expect(editor.inspector.getByRole('note')).toContainText('this link now speaks “ShipOrder v2”')
  await expect(editor.field('Sends contract')).toHaveValue('ShipOrder v1')
  // its fault buttons say what they do in words on screen, not only in a tooltip (touch)
  const poison = editor.inspector.getByRole('button', { name: 'Send a poison message' })
  await expect(poison).toHaveAccessibleDescription(/ends in the dead-letter queue/)
  await expect(editor.inspector.getByText(/ends in the dead-letter queue/)).toBeVisible()
  const before = await deadLettered()
  expect(before).toBeGreaterThan(10)

  await deliver.click({ button: 'right', force: true })
  const menu = page.getByRole('menu')
  await menu.getByRole('menuitem', { name: 'Expect “ShipOrder v2”' }).click()
  await expect(deliver.getByTestId('link-badge')).toHaveText('✉ ShipOrder v2')
  // on the next whole ms after now
  await expect.poll(async () => ((await editor.document()) as { faults?: unknown[] }).faults).toContainEqual({ at: 20001, action: 'contract', link: 'queue-shipping', contract: 'ShipOrder v2' })
  await fastForward(page)
  await expect(page.getByText('30.001 s')).toBeVisible()
  // at most the few messages already refused on their way back at 20 s count after that
  expect((await deadLettered()) - before).toBeLessThanOrEqual(3)
  expect(editor.errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
  await context.close()
})

test('a subscriber that joins mid-run: faint and “not subscribed” until it does, then counted like the others', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const editor = new Editor(page)
  await page.goto('/#s.new-subscriber')
  await expect(editor.nodes).toHaveCount(6)
  const loyaltyLink = editor.link('Event subscription from Order events to Loyalty (new)')
  const topic = editor.node('Order events').getByTestId('node-live')
  await fastForward(page)
  await expect(page.getByText('10.000 s')).toBeVisible()
  await expect(loyaltyLink.getByTestId('link-badge')).toHaveText('⚡ OrderPlaced · not subscribed')
  await expect(topic).toHaveAttribute('aria-label', /Loyalty \(new\) 0 \(not subscribed\)/)
  await expect(topic).toContainText('–')
  await fastForward(page)
  await fastForward(page)
  await expect(page.getByText('30.000 s')).toBeVisible()
  await expect(loyaltyLink.getByTestId('link-badge')).toHaveText('⚡ OrderPlaced')
  await expect(topic).not.toHaveAttribute('aria-label', /not subscribed/)
  expect(editor.errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
  await context.close()
})
