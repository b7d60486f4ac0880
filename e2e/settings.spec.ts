import { TEST_IDS } from '../src/lib/testIds'
import { expect, test } from './fixtures'

test('settings are validated as typed, and the node summary shows the last valid value', async ({ editor }) => {
  await editor.open()
  const orders = editor.node('Orders')
  const summary = orders.getByTestId(TEST_IDS.nodeSummary)
  await expect(summary).toContainText('1 × 4 workers')

  await editor.selectNode('Orders')
  await expect(editor.inspector.getByRole('heading', { name: 'Orders', exact: true })).toBeVisible()
  const workers = editor.field('Workers per replica')
  await expect(workers).toHaveValue('4')

  await workers.fill('12')
  await expect(summary).toContainText('1 × 12 workers')
  await expect(workers).not.toHaveAttribute('aria-invalid')

  // an out-of-range value is explained at the field and not applied
  await workers.fill('0')
  await expect(workers).toHaveAttribute('aria-invalid', 'true')
  const workersError = editor.inspector.getByTestId(TEST_IDS.fieldError)
  await expect(workersError).toContainText('at least 1')
  await expect(workers).toHaveAccessibleDescription(/at least 1/)
  await expect(summary).toContainText('1 × 12 workers')
  expect((await editor.docNode('Orders')).settings).toMatchObject({ workers: 12 })

  // fixing the value clears the message
  await workers.fill('16')
  await expect(editor.inspector.getByTestId(TEST_IDS.fieldError)).toHaveCount(0)
  await expect(summary).toContainText('1 × 16 workers')

  const errorRate = editor.field('Error rate')
  await errorRate.fill('150')
  await expect(errorRate).toHaveAttribute('aria-invalid', 'true')
  await expect(editor.inspector.getByTestId(TEST_IDS.fieldError)).toContainText('at most 100')
  await expect(summary).not.toContainText('err')
  await errorRate.fill('2.5')
  await expect(summary).toContainText('2.5 % err')

  await workers.fill('')
  await expect(editor.inspector.getByTestId(TEST_IDS.fieldError)).toContainText('needs a value')
  await workers.fill('many')
  await expect(editor.inspector.getByTestId(TEST_IDS.fieldError)).toContainText('must be a number')
  await expect(summary).toContainText('1 × 16 workers')

  // whole numbers only where a fraction makes no sense
  await editor.selectNode('Shipping jobs')
  await expect(editor.inspector.getByRole('heading', { name: 'Shipping jobs', exact: true })).toBeVisible()
  const capacity = editor.field('Capacity')
  await expect(capacity).toHaveValue('1000')
  await capacity.fill('2.5')
  await expect(editor.inspector.getByTestId(TEST_IDS.fieldError)).toContainText('whole number')
  await expect(editor.node('Shipping jobs').getByTestId(TEST_IDS.nodeSummary)).toContainText('cap 1000')
  await capacity.fill('250')
  await expect(editor.node('Shipping jobs').getByTestId(TEST_IDS.nodeSummary)).toContainText('cap 250')

  expect((await editor.docNode('Orders')).settings).toMatchObject({ workers: 16, errorRate: 2.5 })
  expect((await editor.docNode('Shipping jobs')).settings).toMatchObject({ capacity: 250 })
})
