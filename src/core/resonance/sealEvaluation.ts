import type { KeyPair } from '../crypto';
import { normalise } from '../vec';
import { affective, bagOfWords, behavioral, epistemic, relational } from './axisVectors';
import { sealRecord } from './seal';
import { roundTopic, stanceEmbedding } from './stance';
import { tokenise } from './tokenise';
import type { EmbedMode, Round, SealedRecord } from './types';
import { privateTerms } from './vocab';

/**
 * What an agent seals when it participates (reference §2.3 `participate`), as a pure
 * function of the round and the agent's own state, so the replicas of the engine and
 * `ResonanceAgent.participate` share one implementation.
 */
export interface EvaluationInput {
  aid: string;
  keys: KeyPair;
  nonce: string;
  round: Readonly<Round>;
  /** The agent's own evaluation, without the task description. */
  evalText: string;
  embed: EmbedMode;
  /** The agent's own counters from its store. */
  behavior: { invited: number; participated: number; tampered: number };
  /** The agent's own past semantic vectors, oldest first. */
  pastSemantics: readonly (readonly number[])[];
  /** The agent's trust in a peer (its own trust row). */
  trustIn: (peer: string) => number;
}

export interface SealedEvaluation {
  record: SealedRecord;
  /** The round vocabulary after this agent's private terms (bag-of-words only). */
  vocab: string[];
}

export function sealEvaluation(input: EvaluationInput): SealedEvaluation {
  const { aid } = input;
  const round = readableRound(input.round);
  const fullText = `${round.description} ${input.evalText}`.trim();
  const tokens = tokenise(fullText);
  const bow = input.embed === 'bow';
  const semanticBefore = bow
    ? bagOfWords(tokens, round.vocab)
    : normalise(stanceEmbedding(fullText, roundTopic(round.description, round.topic)));
  // Epistemic stability compares the vector embedded over the vocabulary as the agent found it
  // (reference order: the axes are built before the private terms are appended).
  const epistemicAxis = epistemic(tokens, input.pastSemantics, semanticBefore);
  const { invited, participated, tampered } = input.behavior;
  const peers =
    round.roster.length > 0
      ? [...new Set([...round.roster, aid])]
      : Object.keys(round.evaluations).filter((peer) => peer !== aid);
  // Only this agent re-embeds over the extended vocabulary; earlier records keep their shorter,
  // prefix-aligned vectors, which stay valid because cosines zero-pad.
  const vocab = bow ? [...round.vocab, ...privateTerms(input.evalText, round.vocab)] : [];
  const extended = bow && vocab.length > round.vocab.length;
  const semantic = extended ? bagOfWords(tokens, vocab) : semanticBefore;
  const record = sealRecord(
    {
      aid,
      nonce: input.nonce,
      evalText: fullText,
      semantic,
      affective: affective(tokens),
      relational: relational(peers, input.trustIn),
      epistemic: epistemicAxis,
      behavioral: behavioral(participated - tampered, participated, participated, invited),
      ...(bow ? { vocab } : {}),
    },
    input.keys,
    round.id,
  );
  return { record, vocab: bow ? vocab : [...round.vocab] };
}

/**
 * The fields of a round an agent reads, with safe defaults: a round comes from a proposer
 * that may be Byzantine, and a garbled one must not crash an honest participant.
 */
function readableRound(round: Readonly<Round>): Pick<
  Round,
  'id' | 'description' | 'topic' | 'roster' | 'vocab' | 'evaluations'
> {
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const vocab = strings(round.vocab);
  return {
    id: String(round.id),
    description: typeof round.description === 'string' ? round.description : '',
    ...(typeof round.topic === 'string' ? { topic: round.topic } : {}),
    roster: strings(round.roster),
    vocab: vocab.length > 0 ? vocab : ['task'],
    evaluations: typeof round.evaluations === 'object' && round.evaluations !== null
      ? round.evaluations
      : {},
  };
}
