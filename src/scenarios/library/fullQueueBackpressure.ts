import type { Scenario } from '../types'

/** Failure mode: a bounded queue that fills up refuses publishes, and producers feel it. */
export const fullQueueBackpressure: Scenario = {
  id: 'full-queue-backpressure',
  title: 'A full queue pushes back',
  group: 'failures',
  summary:
    'A queue is a buffer, not a bottomless one. While the Processor is down, the Readings queue fills up to its 100 messages; after that the broker refuses new messages, and Ingest has to tell the sensors their readings failed.',
  watch:
    'From 5 s the queue fills; about five seconds later it is full and error replies flow back from the queue to Ingest and on to the sensors. At 20 s the Processor returns, the queue empties and the refusals stop.',
  tryFault: {
    text: 'Slow the link from the queue to the Processor by 200 ms each way. Every delivery now holds a Processor worker longer, so the queue fills and refuses even though nothing has crashed.',
    fault: { action: 'latency', link: 'queue-processor', addMs: 200 },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'sensors', kind: 'client', label: 'Sensors', x: 40, y: 190, settings: { rate: 20, arrivals: 'uniform' } },
      { id: 'ingest', kind: 'service', label: 'Ingest', x: 320, y: 190 },
      { id: 'readings', kind: 'queue', label: 'Readings', x: 600, y: 190, settings: { capacity: 100, ackTimeoutMs: 5000 } },
      { id: 'processor', kind: 'service', label: 'Processor', x: 880, y: 190, settings: { workers: 4, timeMs: 100 } },
    ],
    links: [
      { id: 'sensors-ingest', source: 'sensors', target: 'ingest', kind: 'sync' },
      { id: 'ingest-readings', source: 'ingest', target: 'readings', kind: 'message', settings: { contract: 'Reading v1' } },
      { id: 'queue-processor', source: 'readings', target: 'processor', kind: 'message', settings: { contract: 'Reading v1' } },
    ],
    faults: [
      { at: 5000, action: 'crash', node: 'processor' },
      { at: 20000, action: 'restart', node: 'processor' },
    ],
  },
}
