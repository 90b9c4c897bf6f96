import type { Lesson } from '../lesson';

/** Accountability: a proof of equivocation goes to a Council quarantine vote; a forged one fails. */
export const evidenceToAction: Lesson = {
  v: 1,
  id: 'evidence-to-action',
  title: 'From evidence to action',
  steps: [
    {
      scenario: 'evidence-to-quarantine',
      at: { tick: 0 },
      say:
        'Accountability is on. a3 equivocates: it sends one signed evaluation to a0–a2 and another to ' +
        'a4–a6.',
      highlight: { agents: [3] },
    },
    {
      at: { event: 'proofSubmitted' },
      say:
        'The leader\'s proposal reaches a4 carrying the record a4 did not receive: a4 now holds two records ' +
        'signed by a3 for one round. It proposes to the Council that a3 be quarantined, proof attached.',
      highlight: { agents: [4, 3], message: 'CP' },
    },
    {
      at: { event: 'accusationTallied' },
      say: 'Every voter checks the proof itself before voting.',
      highlight: { agents: [3] },
      question: {
        ask: 'Will the Council approve quarantining a3?',
        choices: [
          {
            say: 'Approved',
            when: { is: 'accusation', accused: 3, decision: 'approved' },
            why: 'The proof verifies for every voter: six approve and only a3 rejects.',
          },
          {
            say: 'Rejected',
            when: { is: 'not', not: { is: 'accusation', accused: 3, decision: 'approved' } },
            why: 'There was no verifiable proof to approve.',
          },
        ],
      },
    },
    {
      at: { end: true },
      say: 'The quarantine executes while round 1 is still running. From round 2 on, honest replicas ignore a3.',
      highlight: { agents: [3], quorum: true },
      question: {
        ask: 'Is a3 in round 2\'s quorum?',
        choices: [
          {
            say: 'Yes',
            when: { is: 'inQuorum', agent: 3, round: 2 },
            why: 'a3 was not quarantined, so its records still count.',
          },
          {
            say: 'No',
            when: { is: 'not', not: { is: 'inQuorum', agent: 3, round: 2 } },
            why: 'The honest replicas ignore a quarantined agent; round 2 commits without it (n and f unchanged).',
          },
        ],
      },
      try: { say: 'Switch accountability off.', set: { path: 'resonance.accountability', value: false } },
    },
    {
      scenario: 'false-accusation',
      at: { event: 'proofSubmitted' },
      say: 'Now a6 accuses the honest a2, with a forged proof: two records under a2\'s key that a6 signed itself.',
      highlight: { agents: [6, 2] },
    },
    {
      at: { event: 'accusationTallied' },
      say: 'Each voter checks the two signatures against a2\'s public key.',
      highlight: { agents: [2] },
      question: {
        ask: 'Will the Council quarantine a2?',
        choices: [
          {
            say: 'Yes',
            when: { is: 'accusation', accused: 2, decision: 'approved' },
            why: 'The voters approved without checking the proof, so an honest agent was quarantined.',
          },
          {
            say: 'No',
            when: { is: 'accusation', accused: 2, decision: 'rejected' },
            why: 'No signature verifies under a2\'s key: every honest voter rejects, and only a6 approves.',
          },
        ],
      },
      try: {
        say: 'Turn the proof check off (an unsafe switch).',
        set: { path: 'resonance.unsafe', value: { proofCheck: 'off' } },
      },
    },
    {
      at: { end: true },
      say:
        'The audit chain records the accusation, each vote and the rejection. Every honest store lowers a6\'s ' +
        'reputation from 1 to 0.72, and the no-honest-quarantine monitor stays green.',
      highlight: { invariant: 'no-honest-quarantine', agents: [6] },
    },
  ],
};
