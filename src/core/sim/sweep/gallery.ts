import type { SweepDefinition } from './sweepDefinition';

/**
 * The gallery of classic experiments (issue 13): each a sweep with a one-line question and a
 * paragraph on what to look for. `gallery.test.ts` runs each and reads the numbers for the
 * promised effect. Policy: the bases are written out here rather than taken from the presets,
 * so a preset's later edit cannot quietly change what an experiment shows.
 */
export interface GalleryExperiment {
  id: string;
  question: string;
  paragraph: string;
  definition: SweepDefinition;
}

export const gallery: readonly GalleryExperiment[] = [
  {
    id: 'quorum-vs-equivocators',
    question: 'Does 2f+1 ever fork?',
    paragraph:
      'Twelve agents tolerate f = 3. The first leader, a0, equivocates; the x axis adds more equivocators from ' +
      'the end of the roster. With n−f = 9 quorums, any two quorums share 6 agents, so with at most f faulty ' +
      'agents they always share an honest one and agreement holds; only when the equivocators can fill the ' +
      'whole overlap does it break. With 2f+1 = 7 quorums two quorums share only 2 agents, and a second ' +
      'equivocator is enough for two conflicting commits, well before f is reached.',
    definition: {
      v: 1,
      name: 'n−f versus 2f+1 as equivocators grow',
      base: {
        v: 1, name: 'A leader equivocates, n = 12', seed: 42, protocol: 'resonance', n: 12, rounds: 1,
        faults: [{ kind: 'equivocate', agents: [11] }, { kind: 'equivocate', agents: [0] }],
        opinions: { support: 1 },
      },
      x: { param: 'faulty', values: [0, 1, 2, 3, 4, 5] },
      y: { param: 'resonance.unsafe.quorum', values: [false, true] },
      seeds: 3,
      metric: 'invariant.agreement',
    },
  },
  {
    id: 'hk-epsilon-clusters',
    question: 'How wide must minds be to agree?',
    paragraph:
      'Hegselmann–Krause deliberation: each agent moves to the mean of the opinions within ε of its own. With a ' +
      'small ε every agent listens only to its close neighbours and the group settles into many separate ' +
      'clusters; as ε grows the clusters merge, and once ε spans the gap between the camps a single opinion ' +
      'remains. Read the number of clusters after the last step.',
    definition: {
      v: 1,
      name: 'HK ε versus opinion clusters',
      base: {
        v: 1, name: 'Classic Hegselmann–Krause, 60 agents', seed: 42, protocol: 'resonance', n: 60, rounds: 1,
        opinions: { certainty: [0.05, 0.95] }, resonance: { deliberation: { steps: 15, epsilon: 0.15 } },
      },
      x: { param: 'resonance.deliberation.epsilon', values: [0.02, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8] },
      seeds: 2,
      metric: 'opinionClusters',
    },
  },
  {
    id: 'drop-view-changes',
    question: 'What does a lossy network cost?',
    paragraph:
      'Seven honest agents on a network that drops a share of the messages. A lost proposal or vote leaves ' +
      'replicas waiting until their view timer fires and a new leader takes over, so view changes per round ' +
      'rise with the drop rate, while safety never suffers: only time is lost.',
    definition: {
      v: 1,
      name: 'Drop rate versus view changes',
      base: { v: 1, name: 'Seven honest agents', seed: 42, protocol: 'resonance', n: 7, rounds: 5 },
      x: { param: 'network.drop', values: [0, 0.05, 0.1, 0.15, 0.2] },
      seeds: 5,
      metric: 'viewChangesPerRound',
    },
  },
  {
    id: 'threshold-commits',
    question: 'How demanding can the commit threshold be?',
    paragraph:
      'Agents with mixed opinions (60% lean to approve, four private words each) resolve each round against a ' +
      'commit threshold. A low threshold commits every round; as it rises, fewer quorums are similar enough ' +
      'and the rounds end as an agreed "no agreement" instead: decided, but nothing committed.',
    definition: {
      v: 1,
      name: 'Commit threshold versus rounds committed',
      base: {
        v: 1, name: 'Mixed opinions', seed: 42, protocol: 'resonance', n: 7, rounds: 5,
        opinions: { support: 0.6, privateWords: 4 },
      },
      x: { param: 'resonance.threshold', values: [0.3, 0.5, 0.6, 0.7, 0.8, 0.9] },
      seeds: 3,
      metric: 'committed',
    },
  },
  {
    id: 'bloc-critical',
    question: 'How big must a bloc be to push critical actions through?',
    paragraph:
      'A Council of nine where most honest voters reject (support 0.2), and a colluding bloc always votes ' +
      'against the majority. Critical actions (terminate, escalate) need a two-thirds supermajority. A small ' +
      'bloc changes nothing; a larger one, or one whose members carry more weight, carries critical actions ' +
      'the honest majority would have refused.',
    definition: {
      v: 1,
      name: 'Bloc size versus critical approvals',
      base: {
        v: 1, name: 'A colluding bloc, honest voters mostly reject', seed: 7, protocol: 'council', n: 9, rounds: 12,
        faults: [{ kind: 'bloc', agents: [6, 7, 8] }], opinions: { support: 0.2 },
      },
      x: { param: 'faulty', values: [0, 1, 2, 3, 4, 5] },
      y: { param: 'faultyWeight', values: [1, 2, 3] },
      seeds: 3,
      metric: 'criticalApprovals',
    },
  },
];
