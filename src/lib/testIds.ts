/**
 * Test ids shared by components and Playwright tests, for elements that have no
 * accessible role and name of their own (tests prefer getByRole wherever one exists).
 */
export const TEST_IDS = {
  canvas: 'canvas',
  nodeSummary: 'node-summary',
  /** a node's live state during a run (workers busy, queue depth…) */
  nodeLive: 'node-live',
  linkBadge: 'link-badge',
  emptyCanvas: 'empty-canvas',
  dragGhost: 'drag-ghost',
  /** a field's refusal message (announced politely, so it has no alert role) */
  fieldError: 'field-error',
} as const
