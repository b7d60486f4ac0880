import type { Scenario } from '../types'

/** Pattern 3: messages through a queue, shared by competing consumers. */
export const competingConsumers: Scenario = {
  id: 'competing-consumers',
  title: 'Work shared by competing consumers',
  group: 'patterns',
  summary:
    'The Upload API puts one message per photo into a queue and moves on as soon as the queue has it. Three resizers take messages from the queue; each message goes to exactly one of them, the next one that is free.',
  watch:
    'Each message leaves the queue towards one resizer only. Count the deliveries per resizer in the metrics: they are about equal. The queue stays short because the three together are faster than the uploads arrive.',
  tryFault: {
    text: 'Detach Resizer C from the queue. A and B share all the work now; the queue still keeps up, just with less room to spare.',
    fault: { action: 'detach', link: 'queue-resizer-c' },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'uploads', kind: 'client', label: 'Photo uploads', x: 40, y: 190, settings: { rate: 20 } },
      { id: 'upload-api', kind: 'service', label: 'Upload API', x: 320, y: 190, settings: { timeMs: 10 } },
      { id: 'resize-queue', kind: 'queue', label: 'Resize jobs', x: 600, y: 190, settings: { ackTimeoutMs: 5000 } },
      { id: 'resizer-a', kind: 'service', label: 'Resizer A', x: 880, y: 60, settings: { workers: 2, timeMs: 150 } },
      { id: 'resizer-b', kind: 'service', label: 'Resizer B', x: 880, y: 190, settings: { workers: 2, timeMs: 150 } },
      { id: 'resizer-c', kind: 'service', label: 'Resizer C', x: 880, y: 320, settings: { workers: 2, timeMs: 150 } },
    ],
    links: [
      { id: 'uploads-api', source: 'uploads', target: 'upload-api', kind: 'sync' },
      { id: 'api-queue', source: 'upload-api', target: 'resize-queue', kind: 'message', settings: { contract: 'ResizePhoto v1' } },
      { id: 'queue-resizer-a', source: 'resize-queue', target: 'resizer-a', kind: 'message', settings: { contract: 'ResizePhoto v1' } },
      { id: 'queue-resizer-b', source: 'resize-queue', target: 'resizer-b', kind: 'message', settings: { contract: 'ResizePhoto v1' } },
      { id: 'queue-resizer-c', source: 'resize-queue', target: 'resizer-c', kind: 'message', settings: { contract: 'ResizePhoto v1' } },
    ],
  },
  lesson: [
    {
      narration:
        'Twenty photos a second arrive. The Upload API only writes a “ResizePhoto” message into the queue; the broker’s acknowledgement releases it. Three resizers compete for the messages.',
      highlight: { nodes: ['resize-queue'], links: ['api-queue'] },
      action: { kind: 'runTo', at: 5000 },
    },
    {
      narration:
        'One resizer manages about thirteen photos a second: not enough alone. Three together manage forty. Each message goes to exactly one of them; a resizer acknowledges it when the photo is done.',
      highlight: { nodes: ['resizer-a', 'resizer-b', 'resizer-c'] },
      action: { kind: 'runTo', at: 10000 },
    },
    {
      narration: 'Now Resizer B crashes in the middle of its work.',
      highlight: { nodes: ['resizer-b'] },
      question: {
        prompt: 'What happens to the photos while Resizer B is down?',
        choices: [
          'The ones it was holding are lost, and uploads start to fail',
          'They all wait in the queue until B comes back',
          'A and C take every new message, and the ones B was holding are delivered again',
        ],
        answer: 2,
        explain:
          'B never acknowledged the messages it held, so the broker hands them out again. New messages go to whichever consumer is free: A and C. The uploads never notice.',
      },
      action: { kind: 'fault', fault: { at: 10000, action: 'crash', node: 'resizer-b' } },
    },
    {
      narration: 'A and C are busier now, but the queue stays short and no upload fails. Nothing was lost: every message is acknowledged once.',
      highlight: { nodes: ['resizer-a', 'resizer-c', 'resize-queue'] },
      action: { kind: 'runTo', at: 20000 },
    },
    {
      narration: 'Resizer C crashes as well. Only A is left, and it can do about thirteen photos a second out of twenty.',
      highlight: { nodes: ['resizer-c'] },
      question: {
        prompt: 'What does the queue do now?',
        choices: ['It grows steadily, and uploads still succeed', 'It refuses new messages at once', 'It stays empty; A speeds up'],
        answer: 0,
        explain: 'The queue absorbs the difference: the uploads are accepted, and the work waits its turn. Adding consumers again is how you catch up.',
      },
      action: { kind: 'fault', fault: { at: 20000, action: 'crash', node: 'resizer-c' } },
    },
    {
      narration:
        'Watch the depth of the queue climb. Competing consumers let you scale work by adding workers, and let a worker fail without losing anything, as long as the queue has room.',
      highlight: { nodes: ['resize-queue'] },
      action: { kind: 'runTo', at: 30000 },
    },
  ],
}
