import type { Scenario } from '../types'

/** Pattern 2: asynchronous HTTP, a long job answered with 202 Accepted and then polled. */
export const asyncLongJob: Scenario = {
  id: 'async-long-job',
  title: 'A long job behind 202 Accepted',
  group: 'patterns',
  summary:
    'Building a report takes about three seconds. Instead of holding a worker that long, the Report builder answers “202 Accepted” with a status address at once, and the caller asks that address every half second until the report is done.',
  watch:
    'The Reports API’s worker dots stay almost empty although every report takes seconds. Between the API and the builder, small status polls go back and forth until one comes back “done”.',
  tryFault: {
    text: 'Crash the Report builder. New requests get no 202 and fail at once; analysts whose reports were in progress keep polling an address that does not answer, until their 20 s deadline passes.',
    fault: { action: 'crash', node: 'builder' },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'analysts', kind: 'client', label: 'Analysts', x: 40, y: 190, settings: { rate: 2 } },
      { id: 'reports-api', kind: 'service', label: 'Reports API', x: 320, y: 190, settings: { workers: 2, timeMs: 10 } },
      { id: 'builder', kind: 'service', label: 'Report builder', x: 600, y: 190, settings: { workers: 8, timeMs: 3000, timeDist: 'uniform' } },
      { id: 'warehouse', kind: 'database', label: 'Data warehouse', x: 880, y: 190, settings: { timeMs: 50 } },
    ],
    links: [
      { id: 'analysts-api', source: 'analysts', target: 'reports-api', kind: 'sync' },
      { id: 'api-builder', source: 'reports-api', target: 'builder', kind: 'async', settings: { pollMs: 500, deadlineMs: 20000 } },
      { id: 'builder-warehouse', source: 'builder', target: 'warehouse', kind: 'sync' },
    ],
  },
  lesson: [
    {
      narration:
        'Analysts ask for reports. The Reports API hands each one to the Report builder, which needs about three seconds per report. The link between them is asynchronous HTTP.',
      highlight: { nodes: ['reports-api', 'builder'], links: ['api-builder'] },
      action: { kind: 'runTo', at: 2000 },
    },
    {
      narration: 'The Reports API has only two workers, and a report takes three seconds.',
      highlight: { nodes: ['reports-api'] },
      question: {
        prompt: 'How long is a Reports API worker busy with one report?',
        choices: [
          'About three seconds: until the report is ready',
          'A few milliseconds: until the builder answers 202 Accepted',
          'Until the last status poll comes back',
        ],
        answer: 1,
        explain:
          'The builder records the job and answers 202 at once. That answer frees the caller’s worker. The waiting is done by cheap status polls, which need no worker on either side.',
      },
      action: { kind: 'runTo', at: 10000 },
    },
    {
      narration:
        'See the polls: every 500 ms a small request asks “is it done yet?” and gets “not yet” until the report is finished. Each one is a real round trip on the network.',
      highlight: { links: ['api-builder'] },
      action: { kind: 'runTo', at: 20000 },
    },
    {
      narration:
        'An analyst gets the report at the first poll after it is finished, so on average a quarter of a second after it is ready. Polling more often answers sooner but costs more round trips; less often is cheaper but slower.',
      highlight: { nodes: ['analysts'] },
      question: {
        prompt: 'Two workers at the API, a report every half second, three seconds each. Does the API keep up?',
        choices: ['No: it needs at least six workers', 'Yes: its workers are free again as soon as the 202 arrives', 'Only if the builder is fast'],
        answer: 1,
        explain: 'Work is held where it is done: in the builder, whose eight workers are about three quarters busy. The API’s two workers are almost always free.',
      },
      action: { kind: 'runTo', at: 40000 },
    },
    {
      narration:
        'Asynchronous HTTP frees the caller from long waits, but it still needs the callee to be up to accept the job, and someone has to keep asking for the result.',
    },
  ],
}
