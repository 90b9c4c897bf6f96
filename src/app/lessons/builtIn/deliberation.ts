import type { Lesson } from '../lesson';

/** Deliberation: HK contraction, genuine versus capitulated consensus, sycophancy, ε and clusters. */
export const deliberation: Lesson = {
  v: 1,
  id: 'deliberation',
  title: 'Deliberation: contraction, consensus types, sycophancy',
  steps: [
    {
      scenario: 'happy-path',
      at: { event: 'deliberated' },
      say:
        'Once the leader resolves, the agents deliberate: at each Hegselmann–Krause step every agent moves ' +
        'to the mean of the opinions within ε of its own.',
      highlight: { panel: 'opinion-view' },
    },
    {
      at: { event: 'deliberated' },
      say:
        'Each dot is an agent\'s belief, projected to 2-D, with a trail over the 3 steps. In round 1 the ' +
        'spread on the semantic axis falls from 0.875 to 0.484.',
      highlight: { panel: 'opinion-view' },
    },
    {
      at: { event: 'deliberated', round: 1 },
      say: 'The audit also asks how they came to agree: persuaded, or pressured?',
      question: {
        ask: 'How is round 1\'s agreement classified?',
        choices: [
          {
            say: 'Genuine',
            when: { is: 'consensusType', round: 1, type: 'genuine' },
            why: 'They converged and their confidence did not fall: persuaded, not pressured.',
          },
          {
            say: 'Capitulated',
            when: { is: 'consensusType', round: 1, type: 'capitulated' },
            why: 'They converged but their confidence did not rise with the agreement: they gave in.',
          },
        ],
      },
    },
    {
      at: { event: 'deliberated', round: 2 },
      say: 'Same agents, next topic.',
      question: {
        ask: 'How is round 2\'s agreement classified?',
        choices: [
          {
            say: 'Genuine',
            when: { is: 'consensusType', round: 2, type: 'genuine' },
            why: 'They converged and their confidence did not fall: persuaded, not pressured.',
          },
          {
            say: 'Capitulated',
            when: { is: 'consensusType', round: 2, type: 'capitulated' },
            why: 'They converged but their confidence did not rise with the agreement: they gave in.',
          },
        ],
      },
    },
    {
      scenario: 'sycophancy',
      at: { event: 'deliberated' },
      say: 'Here a1 and a2 copy what the leader wrote instead of judging for themselves.',
      highlight: { agents: [1, 2] },
      question: {
        ask: 'Will the sycophancy audit flag a1?',
        choices: [
          {
            say: 'Yes',
            when: { is: 'sycophant', agent: 1 },
            why: 'a1 repeated the leader word for word, then moved toward less confident peers.',
          },
          {
            say: 'No',
            when: { is: 'not', not: { is: 'sycophant', agent: 1 } },
            why: 'a1 judged for itself, so the audit has nothing to flag.',
          },
        ],
      },
      try: { say: 'Make a1 and a2 honest (remove the fault).', set: { path: 'faults', value: [] } },
    },
    {
      at: { end: true },
      say:
        'a1 and a2 are in all three quorums: a quorum counts valid records and cannot tell a copy from a ' +
        'judgement. The audit is what exposes them.',
      highlight: { agents: [1, 2], quorum: true },
    },
    {
      at: { event: 'deliberated', round: 1 },
      say: 'The sycophants agree with the leader every time.',
      question: {
        ask: 'Is round 1 still classified as genuine?',
        choices: [
          {
            say: 'Yes, genuine',
            when: { is: 'consensusType', round: 1, type: 'genuine' },
            why: 'The classification looks at the whole group\'s movement and confidence, so two copiers do not change it: that is why the separate sycophancy audit exists.',
          },
          {
            say: 'No',
            when: { is: 'not', not: { is: 'consensusType', round: 1, type: 'genuine' } },
            why: 'The group\'s movement looked pressured.',
          },
        ],
      },
    },
    {
      scenario: 'hk-classic',
      at: { end: true },
      say:
        'The textbook model, 200 agents in one dimension: clusters that no longer see each other (farther ' +
        'apart than ε) stop merging. With ε = 0.15 two clusters remain; with 0.05, six.',
      highlight: { panel: 'opinion-view' },
      try: { say: 'Set ε to 0.05 and count the clusters.', set: { path: 'resonance.deliberation.epsilon', value: 0.05 } },
    },
  ],
};
