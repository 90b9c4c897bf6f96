import type { Round } from '../../resonance';

/** The shortest evaluation (characters, after the task description) that counts as copied. */
const copiedCharsMin = 20;

/**
 * The sycophancy audit of one round (issue 12): the agents it flags as sycophants. The
 * sycophancy score alone (the mean evidence delta) cannot name them: honest agents whose
 * peers are less certain also drift toward them and score below zero. The audit therefore
 * asks for a behaviour as well: an agent is flagged when its sealed evaluation repeats the
 * proposer's word for word (what a `sycophant` does) and deliberation moved it toward less
 * confident peers (score < 0). Returns roster ids in roster order.
 */
export function sycophancyAudit(round: Round, scores: Readonly<Record<string, number>>): string[] {
  const leaderText = evaluationOf(round, round.proposer);
  if (leaderText.length < copiedCharsMin) return [];
  return Object.keys(round.evaluations)
    .filter((id) => id !== round.proposer)
    .filter((id) => (scores[id] ?? 0) < 0 && evaluationOf(round, id).includes(leaderText))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** What an agent wrote for the round: its sealed text without the task description. */
function evaluationOf(round: Round, id: string): string {
  const text = round.evaluations[id]?.evalText ?? '';
  return (text.startsWith(round.description) ? text.slice(round.description.length) : text).trim();
}
