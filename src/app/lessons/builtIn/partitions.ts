import type { Lesson } from '../lesson';

/** Partitions: safety holds while split; liveness waits for the heal. */
export const partitions: Lesson = {
  v: 1,
  id: 'partitions',
  title: 'Partitions: safety holds, liveness waits',
  steps: [
    {
      scenario: 'partition-heal',
      at: { tick: 0 },
      say: 'A network partition splits the seven agents into a0–a3 and a4–a6 from tick 0; it heals at tick 200.',
      highlight: { panel: 'network-view' },
    },
    {
      at: { tick: 199 },
      say: 'Each side can only hear itself until tick 200.',
      highlight: { quorum: true },
      question: {
        ask: 'Does either side commit round 1 before the heal?',
        choices: [
          {
            say: 'Yes, the side of four commits',
            when: { is: 'committed', round: 1 },
            why: 'A side held enough agents for a quorum.',
          },
          {
            say: 'No, neither side can',
            when: { is: 'not', not: { is: 'committed', round: 1 } },
            why: 'Neither side holds n−f = 5 agents, so no quorum can form on either side.',
          },
        ],
      },
    },
    {
      at: { tick: 199 },
      say:
        'Meanwhile views keep changing: each timeout moves the replicas to the next view and leader ' +
        '(the ↻ marks on the scrubber).',
      highlight: { panel: 'playback' },
    },
    {
      at: { event: 'roundProposed', agent: 5 },
      say: 'Right after the heal, a5 leads view 5 (5 mod 7 = 5) and proposes round 1 to everyone.',
      highlight: { agents: [5] },
    },
    {
      at: { end: true },
      say: 'The network is whole again.',
      highlight: { panel: 'commit-timeline' },
      question: {
        ask: 'Will all 3 rounds commit?',
        choices: [
          {
            say: 'Yes, all 3',
            when: { is: 'commits', atLeast: 3 },
            why: 'Once both sides hear each other, a leader gathers n−f records and every round commits.',
          },
          {
            say: 'No, the run stalls',
            when: { is: 'stalled' },
            why: 'The partition never healed: no quorum, view changes until they ran out.',
          },
        ],
      },
      try: {
        say: 'Make the partition permanent (no heal).',
        set: { path: 'network.partitions', value: [{ groups: [[0, 1, 2, 3], [4, 5, 6]], from: 0 }] },
      },
    },
    {
      at: { end: true },
      say:
        'Safety held the whole time: the agreement monitor never turned red while the network was split. ' +
        'Liveness had to wait for the heal.',
      highlight: { invariant: 'agreement' },
    },
  ],
};
