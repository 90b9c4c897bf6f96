import type { Axis } from './axes';
import type { RecordVerdict } from './checkRecords';
import { conflictReport } from './conflictReport';
import { deliberateVerdicts } from './deliberate';
import { reconciledSemantics, type Scores } from './scoreRecords';
import { stanceAudit } from './stance';
import { sycophancyScore } from './sycophancyScore';
import { trajectorySummary } from './trajectorySummary';
import type { Outcome, ResolveConfig, Trajectory } from './types';

/**
 * The diagnostics `resolve` reports beside a scored outcome (reference §2.3 steps 6, 12, 13):
 * the conflict report, the stance audit (stance embedding only) and, when the round carries
 * no trajectory, a trust-free deliberation's consensus type, quality and sycophancy.
 *
 * Policy: all of it is a pure function of the sealed records and the cluster config, like
 * the commit (no trust, no learned parameters), so it is resolver-independent and memoised
 * with the outcome; and it is computed after the commit is decided, from copies, so nothing
 * here can reach the status, the quorum, the scores or the winner. Tampered records take no
 * part: a tamperer must not be able to shape the audit either.
 */

export interface DiagnosticsInput {
  verdicts: readonly RecordVerdict[];
  scores: Scores;
  quorum: readonly string[];
  config: ResolveConfig;
  rosterKnown: boolean;
  /** Run the trust-free deliberation (the round carries no trajectory). */
  deliberate: boolean;
}

export type Diagnostics = Pick<
  Outcome,
  | 'consensusType' | 'consensusQuality' | 'sycophancy' | 'deliberation' | 'conflict'
  | 'falseAgreementRate' | 'falseAgreementPairs' | 'stances'
>;

export function resolveDiagnostics(input: DiagnosticsInput): Partial<Diagnostics> {
  const { verdicts, scores, config } = input;
  const formed = verdicts.filter((verdict) => verdict.inspection.wellFormed);
  const honest = formed.filter((verdict) => !verdict.tampered);
  const semantics = reconciledSemantics(formed, config.embed);
  const neutral = new Array<number>(verdicts.length).fill(1 / Math.sqrt(verdicts.length));
  const vectors: Record<string, Record<Axis, number[]>> = {};
  const perAxis: Scores['perAxis'] = {};
  for (const verdict of honest) {
    const axes = verdict.inspection.axes!;
    const relational = input.rosterKnown ? axes.relational : neutral;
    vectors[verdict.aid] = { ...axes, semantic: semantics.get(verdict.aid)!, relational };
    perAxis[verdict.aid] = scores.perAxis[verdict.aid]!;
  }
  const out: Partial<Diagnostics> = {
    conflict: conflictReport(vectors, perAxis, config.threshold),
  };
  if (config.embed === 'stance') {
    const quorumSemantics: Record<string, number[]> = {};
    for (const aid of input.quorum) quorumSemantics[aid] = vectors[aid]!.semantic;
    const audit = stanceAudit(quorumSemantics, config.threshold);
    out.falseAgreementRate = audit.rate;
    out.falseAgreementPairs = audit.pairs;
    out.stances = audit.stances;
  }
  if (input.deliberate) {
    const context = { threshold: config.threshold, embed: config.embed };
    const { trajectory } = deliberateVerdicts(honest, { keepPositions: false }, context);
    Object.assign(out, trajectoryDiagnostics(trajectory));
  }
  return out;
}

/** What an outcome reports of a deliberation trajectory. */
export function trajectoryDiagnostics(
  trajectory: Trajectory,
): Pick<Diagnostics, 'consensusType' | 'consensusQuality' | 'sycophancy' | 'deliberation'> {
  return {
    consensusType: trajectory.consensusType,
    consensusQuality: { ...trajectory.consensusQuality },
    sycophancy: sycophancyScore(trajectory.evidenceDelta),
    deliberation: trajectorySummary(trajectory),
  };
}
