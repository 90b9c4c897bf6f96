import type { Lesson } from '../lesson';

/** The reference view change livelocks; carried locks finish every round. */
export const locksAcrossViews: Lesson = {
  v: 1,
  id: 'locks-across-views',
  title: 'Locks across views',
  steps: [
    {
      scenario: 'unsafe-view-change',
      at: { tick: 0 },
      say:
        'Four agents: f = 1, and n−f = 2f+1 = 3. This run uses the reference rule for view changes: a lock ' +
        'binds only the winner, and a new view never re-proposes what was locked.',
      highlight: { panel: 'network-view' },
    },
    {
      at: { event: 'committed', round: 1 },
      say: 'Round 1 commits normally in view 0.',
      highlight: { panel: 'commit-timeline' },
    },
    {
      at: { event: 'locked', round: 2, nth: 4 },
      say:
        'In round 2 all four replicas lock on the value whose winner is a3: each saw 2f+1 = 3 prepare votes ' +
        'for it. A locked replica prepares only that value from now on.',
      highlight: { agents: [0, 1, 2, 3], message: 'V' },
    },
    {
      at: { tick: 62 },
      say: 'A 2/2 split from tick 29 to 62 eats the commit votes of round 2.',
      highlight: { panel: 'commit-timeline' },
      question: {
        ask: 'Is round 2 committed by the heal at tick 62?',
        choices: [
          { say: 'Yes', when: { is: 'committed', round: 2 }, why: 'Enough commit votes got through before the split.' },
          {
            say: 'No',
            when: { is: 'not', not: { is: 'committed', round: 2 } },
            why: 'The commit votes were lost in the split, so nobody saw 2f+1 of them.',
          },
        ],
      },
    },
    {
      at: { end: true },
      say: 'After the heal each new leader collects fresh records, and the locked replicas check what it proposes.',
      highlight: { invariant: 'liveness-after-heal' },
      question: {
        ask: 'Will round 2 ever be decided?',
        choices: [
          {
            say: 'Yes, a later view decides it',
            when: { is: 'committed', round: 2 },
            why: 'The new leader re-proposed the locked value, so the locked replicas could vote for it.',
          },
          {
            say: 'No, the run stalls',
            when: { is: 'stalled' },
            why:
              'Each new leader\'s fresh records picked a different winner; the locked replicas refused it, ' +
              'views ran out and the liveness-after-heal monitor turned red.',
          },
        ],
      },
      try: {
        say: 'Switch the reference rule off: NEW-VIEW messages then carry the lock and its certificate.',
        set: { path: 'resonance.unsafe', value: {} },
      },
    },
    {
      at: { end: true },
      say:
        'That is a livelock: every replica is honest and alive, yet no view can finish round 2. With carried ' +
        'locks, the next leader learns the certified lock and re-proposes it.',
      highlight: { panel: 'commit-timeline' },
    },
    {
      scenario: 'unsafe-lock-off',
      at: { event: 'committed', round: 1 },
      say:
        'Worse: here replicas also ignore their locks. In round 1 only a0 receives the commit votes (a1, a2, ' +
        'a3 crash for tick 5) and commits the value whose winner is a1.',
      highlight: { agents: [0] },
    },
    {
      at: { end: true },
      say: 'The other three restart, time out and follow a new leader with fresh records.',
      highlight: { invariant: 'agreement' },
      question: {
        ask: 'Does round 1 end up decided two ways?',
        choices: [
          {
            say: 'Yes, agreement breaks',
            when: { is: 'invariantFailed', name: 'agreement' },
            why: 'Nothing told the three about a0\'s commit, and without locks they committed a different value.',
          },
          {
            say: 'No, everyone decides the same',
            when: { is: 'not', not: { is: 'invariantFailed', name: 'agreement' } },
            why: 'With locks and commit certificates on, a0 answers their new-view messages with its certificate and they commit the same value.',
          },
        ],
      },
      try: { say: 'Turn both safety rules back on.', set: { path: 'resonance.unsafe', value: {} } },
    },
  ],
};
