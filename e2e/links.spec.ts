import { TEST_IDS } from '../src/lib/testIds'
import { diagram, expect, test } from './fixtures'

// client → service, service → queue → service, service → topic → service
const PATTERNS = diagram([
  { id: 'c', kind: 'client', label: 'Shop', x: 0, y: 130 },
  { id: 's', kind: 'service', label: 'Orders', x: 260, y: 130 },
  { id: 'q', kind: 'queue', label: 'Jobs', x: 520, y: 0 },
  { id: 'w', kind: 'service', label: 'Worker', x: 780, y: 0 },
  { id: 't', kind: 'topic', label: 'Events', x: 520, y: 260 },
  { id: 'm', kind: 'service', label: 'Mailer', x: 780, y: 260 },
])

test('dragging between nodes picks the link kind from what it joins', async ({ editor }) => {
  await editor.open({ doc: PATTERNS })
  await expect(editor.linkBadges).toHaveCount(0)

  // client → service: synchronous HTTP, switchable to asynchronous in the inspector
  await editor.connect('Shop', 'Orders')
  await expect(editor.linkBadges).toHaveText(['HTTP'])
  await expect(editor.notice).toContainText('Synchronous HTTP')
  await expect(editor.link('Synchronous HTTP from Shop to Orders')).toBeVisible()
  // the new link is selected
  const asyncRadio = editor.inspector.getByRole('radio', { name: 'Asynchronous HTTP (202 + polling)' })
  await expect(editor.inspector.getByRole('radio', { name: 'Synchronous HTTP', exact: true })).toBeChecked()
  await asyncRadio.check()
  await expect(asyncRadio).toBeChecked()
  await expect(editor.linkBadges.first()).toContainText('HTTP 202')
  await expect(editor.link('Asynchronous HTTP (202 + polling) from Shop to Orders')).toBeVisible()
  await expect(editor.field('Poll every')).toBeVisible()

  // service → queue and queue → service: a message, produced then consumed
  await editor.connect('Orders', 'Jobs')
  await expect(editor.link('Message from Orders to Jobs')).toBeVisible()
  await editor.connect('Jobs', 'Worker')
  await expect(editor.link('Message delivery from Jobs to Worker')).toBeVisible()
  // the kind follows from the ends: nothing to switch
  await expect(editor.inspector.getByRole('radio')).toHaveCount(0)
  await expect(editor.field('Expects contract')).toBeVisible()

  // service → topic and topic → service: an event, published then subscribed to
  await editor.connect('Orders', 'Events')
  await expect(editor.link('Event from Orders to Events')).toBeVisible()
  await editor.connect('Events', 'Mailer')
  await expect(editor.link('Event subscription from Events to Mailer')).toBeVisible()
  await expect(editor.field('Only events named')).toBeVisible()

  await expect(editor.linkBadges).toHaveCount(5)
  const badges = await editor.linkBadges.allTextContents()
  expect(badges[0]).toContain('HTTP 202')
  expect(badges.filter((b) => b.startsWith('✉'))).toHaveLength(2)
  expect(badges.filter((b) => b.startsWith('⚡'))).toHaveLength(2)
  expect(badges).toContain('⚡ all events')

  expect(await editor.linkSummary()).toEqual([
    'Shop -> Orders: async',
    'Orders -> Jobs: message',
    'Jobs -> Worker: message',
    'Orders -> Events: event',
    'Events -> Mailer: event',
  ])

  // a link is selected by clicking it (here on its badge), and deleted with the Delete key
  const badge = (await editor.link('Event subscription from Events to Mailer').getByTestId(TEST_IDS.linkBadge).boundingBox())!
  await editor.page.mouse.click(badge.x + badge.width / 2, badge.y + badge.height / 2)
  await expect(editor.inspector.getByRole('heading', { name: 'Event subscription from Events to Mailer' })).toBeVisible()
  await editor.page.keyboard.press('Delete')
  await expect(editor.link('Event subscription from Events to Mailer')).toHaveCount(0)
  await expect(editor.linkBadges).toHaveCount(4)
  await expect(editor.nodes).toHaveCount(6)
})

const REFUSALS = diagram([
  { id: 'c', kind: 'client', label: 'Shop', x: 0, y: 0 },
  { id: 's', kind: 'service', label: 'Orders', x: 260, y: 0 },
  { id: 'd', kind: 'database', label: 'Stock', x: 520, y: 0 },
  { id: 'q1', kind: 'queue', label: 'Inbox', x: 0, y: 180 },
  { id: 'q2', kind: 'queue', label: 'Outbox', x: 260, y: 180 },
])

test('a refused connection adds nothing and says why', async ({ editor }) => {
  await editor.open({ doc: REFUSALS })

  // service → client
  await editor.connect('Orders', 'Shop')
  await expect(editor.notice).toContainText('Nothing calls a client')
  expect((await editor.document()).links).toEqual([])

  // queue → queue
  await editor.connect('Inbox', 'Outbox')
  await expect(editor.notice).toContainText('cannot feed')
  expect((await editor.document()).links).toEqual([])

  // database → service: a database has no source handle; dragging from the service's
  // target handle onto the database asks for the link the other way round
  await expect(editor.node('Stock').locator('.react-flow__handle.source')).toHaveCount(0)
  await editor.connectBackwards('Orders', 'Stock')
  await expect(editor.notice).toContainText('A database calls nobody')
  expect((await editor.document()).links).toEqual([])

  // the inspector's "Link to" list shows the same reasons on its disabled options
  await editor.selectNode('Inbox')
  const linkTo = editor.field('Link to')
  await expect(linkTo.getByRole('option', { name: /^Outbox \(Queue\)/ })).toBeDisabled()
  await expect(linkTo.getByRole('option', { name: /^Outbox \(Queue\)/ })).toContainText('cannot feed')
  await expect(linkTo.getByRole('option', { name: /^Shop \(Client\)/ })).toContainText('Nothing calls a client')
  await expect(linkTo.getByRole('option', { name: /^Stock \(Database\)/ })).toContainText('A database cannot consume')
  await expect(linkTo.getByRole('option', { name: /^Orders \(Service\)/ })).toBeEnabled()
  await expect(linkTo).toHaveValue('s')

  // a database makes no calls, so its inspector offers no "Link to" at all
  await editor.selectNode('Stock')
  await expect(editor.inspector.getByRole('heading', { name: 'Stock' })).toBeVisible()
  await expect(editor.field('Link to')).toHaveCount(0)
  await expect(editor.inspector).toContainText('A database calls nobody')

  // linking the same pair twice is refused too
  await editor.connect('Orders', 'Stock')
  await expect(editor.link('Synchronous HTTP from Orders to Stock')).toBeVisible()
  await editor.connect('Orders', 'Stock')
  await expect(editor.notice).toContainText('already linked')
  await expect(editor.linkBadges).toHaveCount(1)
})
