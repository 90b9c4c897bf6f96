import type { Lesson } from '../lesson';

/** A crashed leader and the view change that replaces it. */
export const viewChange: Lesson = {
  v: 1,
  id: 'view-change',
  title: 'Leader crash and view change',
  steps: [
    {
      scenario: 'crash-leader',
      at: { tick: 0 },
      say:
        'The leader of view v is agent v mod n. In view 0 that is a0, and a0 has crashed: it never sends ' +
        'anything.',
      highlight: { agents: [0] },
    },
    {
      at: { event: 'timedOut' },
      say: 'Nobody hears a proposal for round 1.',
      highlight: { panel: 'commit-timeline' },
      question: {
        ask: 'What do the other replicas do?',
        choices: [
          {
            say: 'Time out and move to view 1',
            when: { is: 'viewChanged', round: 1 },
            why: 'A replica whose view timer runs out sends NEW-VIEW and moves to the next view, with a new leader.',
          },
          {
            say: 'Keep waiting for a0',
            when: { is: 'not', not: { is: 'viewChanged', round: 1 } },
            why: 'No timer ran out yet.',
          },
        ],
      },
    },
    {
      at: { event: 'roundProposed', agent: 1 },
      say: 'In view 1 the leader is a1 (1 mod 7 = 1). It proposes round 1 again.',
      highlight: { agents: [1], message: 'P' },
    },
    {
      at: { event: 'committed' },
      say: 'Six agents are alive, more than n−f = 5.',
      highlight: { quorum: true },
      question: {
        ask: 'Does round 1 commit in view 1?',
        choices: [
          {
            say: 'Yes',
            when: { is: 'committed', round: 1 },
            why: 'a1 gathered n−f = 5 records from live agents and both vote phases reached 2f+1.',
          },
          {
            say: 'No, another view change is needed',
            when: { is: 'not', not: { is: 'committed', round: 1 } },
            why: 'View 1 did not gather a quorum.',
          },
        ],
      },
    },
    {
      at: { end: true },
      say: 'Rounds 2 and 3 stay in view 1 with leader a1: the whole run needed a single view change.',
      highlight: { panel: 'commit-timeline' },
    },
    {
      at: { end: true },
      say: 'The view change is the price of a0\'s crash.',
      highlight: { panel: 'playback' },
      question: {
        ask: 'Does any replica change view in this run?',
        choices: [
          {
            say: 'Yes',
            when: { is: 'viewChanged' },
            why: 'The crashed leader never proposed, so the replicas timed out and changed view.',
          },
          {
            say: 'No',
            when: { is: 'not', not: { is: 'viewChanged' } },
            why: 'A live leader proposed every round in time, so no timer ran out.',
          },
        ],
      },
      try: { say: 'Bring a0 back: remove its crash.', set: { path: 'faults', value: [] } },
    },
    {
      at: { end: true },
      say:
        'A new leader must never contradict a value the old view may have committed. Locks carried in ' +
        'NEW-VIEW messages see to that: the lesson "Locks across views" shows what goes wrong without them.',
    },
  ],
};
