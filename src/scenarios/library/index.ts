import type { Comparison, Scenario } from '../types'
import { asyncLongJob } from './asyncLongJob'
import { backlogDrains } from './backlogDrains'
import { cascadeFailure } from './cascadeFailure'
import { competingConsumers } from './competingConsumers'
import { contractMismatch } from './contractMismatch'
import { eventFanOut } from './eventFanOut'
import { fullQueueBackpressure } from './fullQueueBackpressure'
import { newSubscriber } from './newSubscriber'
import { orderFlowEvents } from './orderFlowEvents'
import { orderFlowMessages } from './orderFlowMessages'
import { orderFlowSync } from './orderFlowSync'
import { poisonMessage } from './poisonMessage'
import { retryStorm } from './retryStorm'
import { selfHealing } from './selfHealing'
import { syncCallChain } from './syncCallChain'

/**
 * The built-in scenarios in the order a workshop meets them: the four patterns, then what
 * goes wrong, then what decoupling buys. Ids are stable (share links name them).
 */
export const SCENARIOS: readonly Scenario[] = [
  syncCallChain,
  asyncLongJob,
  competingConsumers,
  eventFanOut,
  cascadeFailure,
  retryStorm,
  backlogDrains,
  poisonMessage,
  contractMismatch,
  fullQueueBackpressure,
  selfHealing,
  newSubscriber,
  orderFlowSync,
  orderFlowMessages,
  orderFlowEvents,
]

/** Scenarios built to be run side by side: same load, seed and fault timeline. */
export const COMPARISONS: readonly Comparison[] = [
  {
    id: 'order-flow',
    title: 'Placing an order, three ways',
    summary: 'The same shop, load and Payment outage, built with synchronous calls, with messages and with events.',
    scenarios: [orderFlowSync.id, orderFlowMessages.id, orderFlowEvents.id],
  },
]

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id)
}

export {
  asyncLongJob,
  backlogDrains,
  cascadeFailure,
  competingConsumers,
  contractMismatch,
  eventFanOut,
  fullQueueBackpressure,
  newSubscriber,
  orderFlowEvents,
  orderFlowMessages,
  orderFlowSync,
  poisonMessage,
  retryStorm,
  selfHealing,
  syncCallChain,
}
