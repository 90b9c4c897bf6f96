import type { Lesson } from '../lesson';

/** What a tamperer cannot do: change a sealed, signed record unnoticed. */
export const sealedAndSigned: Lesson = {
  v: 1,
  id: 'sealed-and-signed',
  title: 'Sealed and signed: what a tamperer cannot do',
  steps: [
    {
      scenario: 'byzantine-tamper',
      at: { tick: 0 },
      say:
        'Every agent seals its evaluation (a hash commitment of what it says) and signs it with its own key. ' +
        'In this run a1 and a2 edit their vectors after sealing them.',
      highlight: { agents: [1, 2] },
    },
    {
      at: { event: 'roundResolved' },
      say: 'The leader a0 recomputes every seal before it counts a record.',
      highlight: { agents: [1], panel: 'quorum-view' },
      question: {
        ask: 'Will a0 count a1\'s record?',
        choices: [
          {
            say: 'No, a1\'s seal is broken',
            when: { is: 'tampered', agent: 1 },
            why: 'a1\'s vector no longer matches its seal, so the resolver flags it and leaves it out.',
          },
          {
            say: 'Yes, a1\'s record counts',
            when: { is: 'not', not: { is: 'tampered', agent: 1 } },
            why: 'a1 did not edit anything after sealing, so its seal matches and nothing is flagged.',
          },
        ],
      },
      try: { say: 'Remove the tamperers: an honest run.', set: { path: 'faults', value: [] } },
    },
    {
      at: { event: 'committed' },
      say: 'Round 1 still commits: the five honest agents a0, a3, a4, a5 and a6 are exactly n−f = 5.',
      highlight: { quorum: true, agents: [0, 3, 4, 5, 6] },
    },
    {
      at: { end: true },
      say: 'a1 and a2 tamper in every round.',
      highlight: { panel: 'commit-timeline' },
      question: {
        ask: 'How many of the 5 rounds commit?',
        choices: [
          {
            say: 'All 5',
            when: { is: 'commits', atLeast: 5 },
            why: 'Each round the five honest records reach n−f = 5; the tampered ones are left out every time.',
          },
          {
            say: 'Fewer than 5',
            when: { is: 'not', not: { is: 'commits', atLeast: 5 } },
            why: 'Too few valid records reached the leader in some round.',
          },
        ],
      },
    },
    {
      at: { end: true },
      say:
        'What a tamperer cannot do: change its evaluation after sealing without being caught, or sign for ' +
        'another agent, since every signature is checked against the signer\'s public key.',
      highlight: { panel: 'invariants-panel' },
    },
    {
      scenario: 'biased-minority',
      at: { tick: 0 },
      say:
        'What it can do: lie inside a valid seal. Here a5 and a6 argue the extreme opposite, validly sealed ' +
        'and signed. Their records count.',
      highlight: { agents: [5, 6] },
    },
    {
      at: { end: true },
      say: 'The centroid is a trimmed mean: it drops f values at each end of every coordinate.',
      highlight: { invariant: 'validity' },
      question: {
        ask: 'Does the committed centroid stay inside the box of the honest agents\' opinions (validity)?',
        choices: [
          {
            say: 'Yes, validity stays green',
            when: { is: 'not', not: { is: 'invariantFailed', name: 'validity' } },
            why: 'Trimming f = 2 values at each end removes the two extremes on every coordinate.',
          },
          {
            say: 'No, validity turns red',
            when: { is: 'invariantFailed', name: 'validity' },
            why: 'Without the trim, the two extreme agents drag the centroid out of the honest box.',
          },
        ],
      },
      try: {
        say: 'Replace the trimmed mean by the plain mean (an unsafe switch).',
        set: { path: 'resonance.unsafe', value: { centroid: 'mean' } },
      },
    },
  ],
};
