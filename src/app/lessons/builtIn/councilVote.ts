import type { Lesson } from '../lesson';

/** The Council: weighted votes, supermajority for critical actions, the audit chain, blocs. */
export const councilVote: Lesson = {
  v: 1,
  id: 'council-vote',
  title: 'The Council: weights, supermajority, audit, blocs',
  steps: [
    {
      scenario: 'council-quarantine',
      at: { tick: 0 },
      say:
        'A Council of seven votes on safety actions. Votes are weighted: a0 weighs 2 and everyone else 1, so ' +
        'the total weight is 8. a6 is Byzantine and rejects everything.',
      highlight: { agents: [6], panel: 'council-view' },
    },
    {
      at: { event: 'councilTallied' },
      say: 'Proposal 1 is a quarantine. It is not critical: more than half the weight is enough.',
      highlight: { panel: 'council-view' },
      question: {
        ask: 'Is the quarantine approved?',
        choices: [
          { say: 'Approved', when: { is: 'councilDecision', round: 1, decision: 'approved' }, why: 'The approving weight is well over half.' },
          {
            say: 'Rejected',
            when: { is: 'councilDecision', round: 1, decision: 'rejected' },
            why: 'The approving weight did not reach half.',
          },
        ],
      },
    },
    {
      at: { event: 'councilTallied', nth: 2 },
      say: 'Proposal 2 is terminate, a critical action: it needs two thirds of the weight (threshold 0.6667).',
      highlight: { panel: 'council-view' },
      question: {
        ask: 'Is the termination approved?',
        choices: [
          {
            say: 'Approved',
            when: { is: 'councilDecision', round: 2, decision: 'approved' },
            why: 'Only a6 rejected: the honest weight alone is more than two thirds of 8.',
          },
          {
            say: 'Rejected',
            when: { is: 'councilDecision', round: 2, decision: 'rejected' },
            why: 'The approving weight fell short of two thirds.',
          },
        ],
      },
      try: {
        say: 'Make a4 and a5 vote against everything too.',
        set: { path: 'faults', value: [{ kind: 'biased', agents: [4, 5, 6] }] },
      },
    },
    {
      at: { end: true },
      say:
        'Every proposal, vote and tally is appended to the audit chain, and each entry holds the hash of the ' +
        'one before. Click an entry to tamper with it: every link from there on turns red.',
      highlight: { panel: 'audit-chain' },
    },
    {
      scenario: 'council-bloc',
      at: { end: true },
      say:
        'Here a6, a7 and a8 collude and always vote together against the majority. The agreement matrix ' +
        'shows them at 100% with each other, and bloc detection finds the clique.',
      highlight: { agents: [6, 7, 8], panel: 'trust-matrix' },
    },
    {
      at: { end: true },
      say: 'A bloc of three of nine cannot outvote the rest when the others agree.',
      highlight: { panel: 'council-view' },
      question: {
        ask: 'Is proposal 6 approved?',
        choices: [
          {
            say: 'Approved',
            when: { is: 'councilDecision', round: 6, decision: 'approved' },
            why: 'Six voters approved: the bloc\'s three rejections were not enough.',
          },
          {
            say: 'Rejected',
            when: { is: 'councilDecision', round: 6, decision: 'rejected' },
            why: 'Too little weight approved it.',
          },
        ],
      },
    },
  ],
};
