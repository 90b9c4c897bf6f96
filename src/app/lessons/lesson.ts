import type { InvariantName } from '../../core/sim/engine/traceEvents';
import type { PresetName } from '../../worker/api';

/**
 * A guided lesson (SPEC §7): plain data, so a built-in lesson and a teacher's lesson from a link
 * are read, validated and played the same way. Agents are indices (`a3` is 3), rounds count
 * from 1, ticks are the run's.
 */
export interface Lesson {
  v: 1;
  /** Built-in lessons have an id (their link is `#l=<id>`); a teacher's lesson may not. */
  id?: string;
  title: string;
  steps: LessonStep[];
}

export interface LessonStep {
  /**
   * A preset name or an inline scenario (validated like a scenario link when the step opens).
   * Required on the first step; a later step without one shows the previous step's.
   */
  scenario?: PresetName | Record<string, unknown>;
  /** The moment the step shows: the run is simulated and the cursor put there. */
  at: Moment;
  /** What the step says: one idea, in plain sentences. */
  say: string;
  /** What the text talks about, outlined and labelled on the page. */
  highlight?: Highlight;
  /** A prediction to make before the run plays to `at`. */
  question?: Question;
  /** One change to the scenario for the learner to try; the player notices when it is made. */
  try?: TryChange;
}

/**
 * A moment of a run: a tick, the run's end, or the n-th event of a kind (1-based), optionally
 * of one agent or round. A moment the run never reaches is the run's end, and the player says so.
 */
export type Moment =
  | { tick: number }
  | { end: true }
  | { event: MomentEventKind; nth?: number; agent?: number; round?: number };

/** The events a moment can name: the ones a lesson talks about. */
export const momentEventKinds = [
  'roundProposed',
  'roundResolved',
  'deliberated',
  'locked',
  'committed',
  'decidedNoAgreement',
  'timedOut',
  'viewChanged',
  'viewsExhausted',
  'agentCrashed',
  'agentRestarted',
  'certificateFound',
  'invariantViolated',
  'proofSubmitted',
  'accusationTallied',
  'quarantineExecuted',
  'accuserPenalised',
  'councilProposed',
  'councilTallied',
  'councilExecuted',
  'runEnded',
] as const;
export type MomentEventKind = (typeof momentEventKinds)[number];

/** Panels a step can point at (their `data-testid`s). */
export const highlightPanels = [
  'network-view',
  'quorum-view',
  'invariants-panel',
  'commit-timeline',
  'opinion-view',
  'trust-matrix',
  'council-view',
  'audit-chain',
  'event-log',
  'playback',
] as const;
export type HighlightPanel = (typeof highlightPanels)[number];

/** Message types a step can point at on the ring's legend. */
export const highlightMessages = ['R', 'E', 'P', 'V', 'NV', 'C', 'CP', 'CV'] as const;
export type HighlightMessage = (typeof highlightMessages)[number];

export interface Highlight {
  agents?: number[];
  /** A message type: its entry in the ring's legend. */
  message?: HighlightMessage;
  /** The quorum bar (n−f arithmetic) of the quorum panel. */
  quorum?: true;
  invariant?: InvariantName;
  panel?: HighlightPanel;
}

/**
 * A question with two to four choices. Each choice holds when its predicate holds over the
 * trace at the step's moment; the player never knows "the right letter", it asks the run.
 */
export interface Question {
  ask: string;
  choices: Choice[];
}

export interface Choice {
  say: string;
  when: Predicate;
  /** Why, said when this choice is what the run shows. */
  why: string;
}

export interface TryChange {
  say: string;
  /** A dotted scenario field (`resonance.unsafe.quorum`, `faults`) and the value to give it. */
  set: { path: string; value: unknown };
}

export type ConsensusTypeName = import('../../core/resonance/types').ConsensusType;

/** What a choice claims about the run up to the step's moment. */
export type Predicate =
  /** Some replica committed round `round`. */
  | { is: 'committed'; round: number }
  /** At least `atLeast` distinct rounds were committed. */
  | { is: 'commits'; atLeast: number }
  /** `agent` is in round `round`'s quorum (its first commit's, or before that its latest resolution's). */
  | { is: 'inQuorum'; agent: number; round: number }
  /** A resolver found `agent`'s seal broken (its record was left out). */
  | { is: 'tampered'; agent: number }
  /** The monitor `name` recorded a violation. */
  | { is: 'invariantFailed'; name: InvariantName }
  /** Some replica changed view (a timeout or new-view messages), in round `round` if given. */
  | { is: 'viewChanged'; round?: number }
  /** A valid certificate convicts `agent`. */
  | { is: 'certificate'; agent: number }
  /** The Council's quarantine of `agent` was executed. */
  | { is: 'quarantined'; agent: number }
  /** The accusation against `accused` was tallied with this decision. */
  | { is: 'accusation'; accused: number; decision: CouncilDecisionName }
  /** The Council proposal of round (proposal number) `round` was tallied with this decision. */
  | { is: 'councilDecision'; round: number; decision: CouncilDecisionName }
  /** The run stopped without deciding every round (views exhausted). */
  | { is: 'stalled' }
  /** Round `round`'s deliberation was classified so. */
  | { is: 'consensusType'; round: number; type: ConsensusTypeName }
  /** The sycophancy audit flagged `agent`. */
  | { is: 'sycophant'; agent: number }
  | { is: 'not'; not: Predicate };

export type CouncilDecisionName = 'approved' | 'rejected' | 'no_quorum';
export const councilDecisions: readonly CouncilDecisionName[] = ['approved', 'rejected', 'no_quorum'];
/** Every consensus type (the `Record` makes the compiler check the list against core's union). */
const consensusTypeSet: Record<ConsensusTypeName, true> = {
  genuine: true,
  fragile: true,
  capitulated: true,
  coerced: true,
  logrolled: true,
  coalitional: true,
  deadlock: true,
  polarized: true,
  unknown: true,
};
export const consensusTypeNames = Object.keys(consensusTypeSet) as ConsensusTypeName[];

/** Every invariant a step can point at or a choice can name (checked against core's union). */
const invariantSet: Record<InvariantName, true> = {
  agreement: true,
  validity: true,
  integrity: true,
  equivocation: true,
  'certified-commits': true,
  'liveness-after-heal': true,
  'no-honest-quarantine': true,
};
export const lessonInvariantNames = Object.keys(invariantSet) as InvariantName[];
