import { assert } from '../../assert';
import { DEMO_TOPICS } from '../../resonance/wordLists';

/** What the leader proposes in one round: the task of reference §2.7. */
export interface RoundTask {
  /** `ratify the {topic} change for the next release`. */
  description: string;
  /** One of the reference topics, cycling with the round number. */
  topic: string;
  /**
   * Policy: empty, as in the reference scenario, whose round task carries only the
   * description; the round vocabulary is then the description's terms.
   */
  requirements: string[];
}

/**
 * The task of round `roundNo` (1-based): topics cycle budget, timeout, rollout, schema,
 * indexing, caching (reference §2.7 `_TOPICS[(r−1) % 6]`).
 */
export function roundTask(roundNo: number): RoundTask {
  assert(
    Number.isInteger(roundNo) && roundNo >= 1,
    `roundTask: round ${roundNo} is not 1, 2, …`,
  );
  const topic = DEMO_TOPICS[(roundNo - 1) % DEMO_TOPICS.length]!;
  const description = `ratify the ${topic} change for the next release`;
  return { description, topic, requirements: [] };
}
