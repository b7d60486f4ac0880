import type { Scenario } from '../types'

/** Failure mode made harmless: a queue holds the work while its only consumer is down. */
export const backlogDrains: Scenario = {
  id: 'backlog-drains',
  title: 'A backlog that waits out an outage',
  group: 'failures',
  summary:
    'Fulfilment is down for twenty seconds. Orders keeps putting messages into the queue and keeps answering the shop, so no customer sees an error. When Fulfilment returns it works through the backlog, and every order is handled once.',
  watch:
    'From 10 s the queue’s count climbs while the shop’s requests still succeed. At 30 s Fulfilment is back: its workers are all busy until the queue is empty again.',
  tryFault: {
    text: 'Detach Fulfilment from the queue instead of crashing it. The same backlog builds; right-click the link and attach it again to watch it drain.',
    fault: { action: 'detach', link: 'queue-fulfilment' },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 190, settings: { rate: 10 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 320, y: 190 },
      { id: 'order-queue', kind: 'queue', label: 'Orders to fulfil', x: 600, y: 190, settings: { ackTimeoutMs: 5000 } },
      { id: 'fulfilment', kind: 'service', label: 'Fulfilment', x: 880, y: 190, settings: { workers: 4, timeMs: 100 } },
    ],
    links: [
      { id: 'shop-orders', source: 'shop', target: 'orders', kind: 'sync' },
      { id: 'orders-queue', source: 'orders', target: 'order-queue', kind: 'message', settings: { contract: 'FulfilOrder v1' } },
      { id: 'queue-fulfilment', source: 'order-queue', target: 'fulfilment', kind: 'message', settings: { contract: 'FulfilOrder v1' } },
    ],
    faults: [
      { at: 10000, action: 'crash', node: 'fulfilment' },
      { at: 30000, action: 'restart', node: 'fulfilment' },
    ],
  },
  lesson: [
    {
      narration: 'The shop sends ten orders a second. Orders puts each one into a queue as a message and answers the shop as soon as the broker has it. Fulfilment takes the messages from the queue.',
      highlight: { nodes: ['order-queue'], links: ['orders-queue', 'queue-fulfilment'] },
      action: { kind: 'runTo', at: 9000 },
    },
    {
      narration: 'At 10 s Fulfilment, the only worker on this queue, crashes, and nobody restarts it for twenty seconds.',
      highlight: { nodes: ['fulfilment'] },
      question: {
        prompt: 'What happens to the orders while the worker is down?',
        choices: [
          'The shop’s requests fail until Fulfilment is back',
          'They wait in the queue; the shop notices nothing',
          'The queue throws them away after a while',
        ],
        answer: 1,
        explain: 'Orders only needs the broker to accept the message. The messages wait in the queue, and the one Fulfilment was holding when it crashed goes back into the queue too.',
      },
      action: { kind: 'runTo', at: 20000 },
    },
    {
      narration: 'Twenty seconds without Fulfilment: about two hundred orders wait in the queue, and every request from the shop has succeeded.',
      highlight: { nodes: ['order-queue', 'shop'] },
      action: { kind: 'runTo', at: 30000 },
    },
    {
      narration: 'Fulfilment is back. It can handle forty orders a second, so it catches up on two hundred waiting orders while new ones keep coming.',
      highlight: { nodes: ['fulfilment'], links: ['queue-fulfilment'] },
      question: {
        prompt: 'How long until the queue is empty again?',
        choices: ['About as long as the outage: twenty seconds', 'Under ten seconds', 'It never empties'],
        answer: 1,
        explain: 'It gains thirty orders a second on the backlog (forty handled, ten arriving), so two hundred orders take about seven seconds.',
      },
      action: { kind: 'runTo', at: 40000 },
    },
    {
      narration: 'The queue is empty, every order was handled once and nothing was lost. What the queue cannot do: the orders waited, so they were fulfilled late. A queue buys availability with delay.',
      highlight: { nodes: ['order-queue'] },
    },
  ],
}
