import type { Lesson } from '../lesson';

/** Why the quorum is n−f: two quorums must share an honest agent. */
export const quorumIntersection: Lesson = {
  v: 1,
  id: 'quorum-intersection',
  title: 'Quorum intersection: why n−f',
  steps: [
    {
      scenario: 'happy-path',
      at: { tick: 0 },
      say:
        'Seven agents, a0 to a6, sit on the ring. The protocol must stay safe even if up to f of them are ' +
        'Byzantine (faulty in any way). With n = 7, f = 2.',
      highlight: { panel: 'network-view' },
    },
    {
      at: { event: 'roundResolved' },
      say:
        'The leader a0 collects sealed evaluations and resolves round 1 as soon as n−f = 5 of the 7 are in. ' +
        'It cannot wait for all seven: up to f of them may never answer.',
      highlight: { agents: [1], quorum: true },
      question: {
        ask: 'Will a1\'s evaluation be one of the five in round 1\'s quorum?',
        choices: [
          {
            say: 'Yes, a1 is in the quorum',
            when: { is: 'inQuorum', agent: 1, round: 1 },
            why: 'a1\'s record was among the five the leader counted.',
          },
          {
            say: 'No, a1 is left out',
            when: { is: 'not', not: { is: 'inQuorum', agent: 1, round: 1 } },
            why: 'The leader resolved with the first five records it held, and a1\'s was not among them. Being late is not a fault.',
          },
        ],
      },
    },
    {
      at: { event: 'committed' },
      say:
        'Round 1 commits with a0, a2, a3, a4 and a5 in its quorum. a1 was only late: it still casts its ' +
        'prepare and commit votes, and a1 is among the agents whose commit votes certify this commit.',
      highlight: { quorum: true, agents: [1] },
    },
    {
      scenario: 'silent-two',
      at: { tick: 0 },
      say: 'Now a5 and a6 are silent from the start. Two silent agents are exactly f = 2.',
      highlight: { agents: [5, 6] },
    },
    {
      at: { end: true },
      say: 'Only five agents answer: a0 to a4.',
      highlight: { panel: 'commit-timeline' },
      question: {
        ask: 'Will all 5 rounds commit?',
        choices: [
          {
            say: 'Yes, all 5 rounds commit',
            when: { is: 'commits', atLeast: 5 },
            why: 'Five live agents are exactly n−f = 5: every quorum is a0 to a4.',
          },
          {
            say: 'No, the run gets stuck',
            when: { is: 'not', not: { is: 'commits', atLeast: 5 } },
            why: 'Fewer than n−f = 5 agents answer, so no quorum can form: views change until they run out.',
          },
        ],
      },
      try: {
        say: 'Silence a third agent, a4, as well: three silent agents are more than f.',
        set: { path: 'faults', value: [{ kind: 'silent', agents: [4, 5, 6] }] },
      },
    },
    {
      scenario: 'happy-path',
      at: { end: true },
      say:
        'Why n−f? Two quorums of 5 among 7 agents share at least 5 + 5 − 7 = 3 agents. 3 is more than ' +
        'f = 2, so at least one honest agent is in both, and it never votes for two different values.',
      highlight: { quorum: true },
    },
    {
      scenario: 'unsafe-2f1-fork',
      at: { tick: 0 },
      say:
        'Twelve agents, f = 3. The quorum is switched to the textbook 2f+1 = 7 instead of n−f = 9, and ' +
        'three agents equivocate: a0 (the leader), a1 and a2.',
      highlight: { agents: [0, 1, 2] },
    },
    {
      at: { end: true },
      say: 'Two quorums of 7 among 12 agents need share only 7 + 7 − 12 = 2 agents.',
      highlight: { invariant: 'agreement' },
      question: {
        ask: 'Will the agreement monitor turn red?',
        choices: [
          {
            say: 'Yes, honest replicas commit different values',
            when: { is: 'invariantFailed', name: 'agreement' },
            why:
              'The two 7-vote quorums overlapped only in the Byzantine agents, who voted for both values: ' +
              'each half of the honest replicas committed its own value.',
          },
          {
            say: 'No, agreement holds',
            when: { is: 'not', not: { is: 'invariantFailed', name: 'agreement' } },
            why: 'With n−f = 9, two quorums share at least 6 agents, so at least 3 honest ones: the halves cannot both win.',
          },
        ],
      },
      try: {
        say: 'Switch the quorum back to n−f (turn the unsafe switch off).',
        set: { path: 'resonance.unsafe', value: {} },
      },
    },
  ],
};
