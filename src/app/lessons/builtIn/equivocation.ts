import type { Lesson } from '../lesson';

/** Equivocation: two signed versions of one record are a certificate anyone can check. */
export const equivocation: Lesson = {
  v: 1,
  id: 'equivocation',
  title: 'Equivocation and its certificate',
  steps: [
    {
      scenario: 'equivocation',
      at: { tick: 0 },
      say:
        'a3 equivocates: in each round it signs two different evaluations and sends each to half of its ' +
        'peers. Both are validly signed under a3\'s one key.',
      highlight: { agents: [3] },
    },
    {
      at: { event: 'committed' },
      say: 'The leader a0 resolves round 1 from the records it holds.',
      highlight: { agents: [3], quorum: true },
      question: {
        ask: 'Is a3 counted in round 1\'s quorum?',
        choices: [
          {
            say: 'Yes',
            when: { is: 'inQuorum', agent: 3, round: 1 },
            why: 'The leader holds one of a3\'s two versions, and by itself that version is a well-formed, signed record.',
          },
          {
            say: 'No',
            when: { is: 'not', not: { is: 'inQuorum', agent: 3, round: 1 } },
            why: 'a3\'s record was not among the five the leader counted.',
          },
        ],
      },
    },
    {
      at: { event: 'committed' },
      say: 'Round 1 commits and the agreement monitor stays green: one equivocator is within f = 2.',
      highlight: { invariant: 'agreement' },
    },
    {
      at: { end: true },
      say: 'a3 keeps equivocating in rounds 2 and 3.',
      highlight: { panel: 'commit-timeline' },
      question: {
        ask: 'How many of the 3 rounds commit?',
        choices: [
          { say: 'All 3', when: { is: 'commits', atLeast: 3 }, why: 'One equivocator cannot stop n−f = 5 honest agents.' },
          {
            say: 'Fewer than 3',
            when: { is: 'not', not: { is: 'commits', atLeast: 3 } },
            why: 'Some round never gathered a quorum.',
          },
        ],
      },
    },
    {
      at: { end: true },
      say: 'Different peers received different versions. Put side by side, they prove something.',
      highlight: { panel: 'invariants-panel', agents: [3] },
      question: {
        ask: 'Will anyone hold a verifiable proof that a3 equivocated?',
        choices: [
          {
            say: 'Yes, a certificate',
            when: { is: 'certificate', agent: 3 },
            why:
              'Two different records signed by a3 for the same round are a certificate: anyone can check both ' +
              'signatures with a3\'s public key alone.',
          },
          {
            say: 'No, it is one word against another',
            when: { is: 'not', not: { is: 'certificate', agent: 3 } },
            why: 'Nobody signed two different records for one round, so there is nothing to prove.',
          },
        ],
      },
      try: { say: 'Make a3 honest (remove the fault).', set: { path: 'faults', value: [] } },
    },
    {
      at: { end: true },
      say:
        'The certificates sit under the invariants, both signed texts side by side. The equivocation monitor is ' +
        'green because every equivocation produced a certificate that verifies.',
      highlight: { invariant: 'equivocation' },
    },
  ],
};
