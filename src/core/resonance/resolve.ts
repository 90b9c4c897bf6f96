import { sha256Hex } from '../crypto';
import { AXES, type Axis } from './axes';
import { checkRecords, type RecordVerdict } from './checkRecords';
import { membershipMin } from './constants';
import { faultBound, membershipFloor, quorumNeeded } from './quorum';
import { resolveDiagnostics, trajectoryDiagnostics } from './resolveDiagnostics';
import { ResolveMemo, type MemoEntry } from './ResolveMemo';
import { scoreRecords } from './scoreRecords';
import { readTrajectory } from './trajectorySummary';
import type { Outcome, ResolveConfig, Round, RoundAbort, Trajectory, UnsafeSwitches } from './types';

/**
 * Layer 1 of ResonanceBFT: the n−f commit over sealed evaluations (reference §2.3 `resolve`).
 *
 * The outcome is a pure function of the sealed round and the cluster-wide config; nothing a
 * resolver learned (trust, reputation, adaptive threshold or weights) enters it, so every
 * honest resolver computes the same certificate. `resolveRound` mutates nothing: the
 * reference's one effect on the round, the view change of an abort (`view` moves on by one, a
 * quorum failure is logged in `aborts`), is returned as `roundChange` for `applyResolution`,
 * which the library face (`ResonanceAgent.resolve`) applies as the reference does.
 *
 * Beside the commit, the outcome reports diagnostics (`resolveDiagnostics`): consensus type,
 * quality, sycophancy, conflict report, stance audit. They come from the round's trajectory
 * when it carries one (the engine deliberates once per round, SPEC §3); otherwise from a
 * trust-free deliberation run here. Either way they are computed after the commit is decided
 * and never feed back into it.
 *
 * Policy: the trust-free pass is reported in the outcome (`deliberation`) but not written to
 * the round; it is memoised with the outcome, so a replica's re-resolve does not run it again.
 */

/** The cluster-wide config of a resolver; identical on every honest replica. */
export type { ResolveConfig } from './types';

export interface ResolveOptions {
  unsafe?: UnsafeSwitches;
  /** Shared work (signature checks, outcomes); a fresh memo when absent. */
  memo?: ResolveMemo;
  /** The resolver's learned parameters, to report (never used) in the outcome. */
  adaptive?: { threshold: number; axisWeights: Readonly<Record<Axis, number>> };
  /**
   * Decide only: the status, quorum, winner and reason, without the diagnostics that describe
   * them (conflict report, stance audit, the trust-free deliberation). The decision is the same
   * as a full resolve's, which computes the diagnostics after it; a leader asks this at each
   * arrival and resolves in full only the records it proposes (at n = 1000 the deliberation
   * is most of a resolve).
   */
  decisionOnly?: boolean;
  /**
   * The caller only reads the outcome and never edits it: it may be the memo's own instead of
   * a copy (when there is no carried trajectory or `adaptive` to add to it). What a leader's
   * decision at each arrival asks: copying 10³ agents' scores a hundred times a round was a
   * twentieth of a leader's work at n = 1000.
   */
  readOnly?: boolean;
}

/** What `computeOutcome` needs besides the verdicts, derived once. */
interface Context {
  round: Round;
  config: ResolveConfig;
  unsafe: UnsafeSwitches;
  n: number;
  f: number;
  needed: number;
  view: number;
  /** The trajectory the round carries, if it reads as one. */
  carried?: Trajectory;
}

/** An outcome, and the change the reference makes to the round on an abort. */
export interface Resolution {
  outcome: Outcome;
  roundChange: { view: number; abort: RoundAbort | null } | null;
}

/** The reference's effect of a resolution on its round (reference §2.3): the abort's view change. */
export function applyResolution(round: Round, resolution: Resolution): void {
  const change = resolution.roundChange;
  if (change === null) return;
  round.view = change.view;
  if (change.abort) round.aborts = [...(Array.isArray(round.aborts) ? round.aborts : []), change.abort];
}

export function resolveRound(
  round: Readonly<Round>,
  config: ResolveConfig,
  options: ResolveOptions = {},
): Resolution {
  const unsafe = options.unsafe ?? {};
  const memo = options.memo ?? new ResolveMemo();
  const verdicts = checkRecords(round, memo, unsafe.seal !== 'off');
  const present = verdicts.length;
  const n =
    unsafe.membership === 'present' ? present : membershipFloor(round, present, config.expectedN);
  const context: Context = {
    round,
    config,
    unsafe,
    n,
    f: faultBound(n),
    needed: quorumNeeded(n, unsafe),
    view: currentView(round),
  };
  const carried = readTrajectory(round.trajectory);
  if (carried) context.carried = carried;
  const key = outcomeKey(context, verdicts) + (options.decisionOnly ? '|decision' : '');
  let entry = memo.outcome(key);
  if (!entry) {
    entry = computeOutcome(context, verdicts, options.decisionOnly === true);
    memo.remember(key, entry);
  }
  const roundChange = entry.outcome.status === 'aborted'
    ? { view: entry.outcome.viewNumber, abort: entry.abort ?? null }
    : null;
  if (options.readOnly && !carried && !options.adaptive) return { outcome: entry.outcome, roundChange };
  const outcome = cloneOutcome(entry.outcome);
  // An early abort reports no consensus type ('unknown'), as the reference's does: it returns
  // before deliberation matters, so a trajectory carried into a partitioned round must not
  // label it, nor teach the trust store's history through `commit`.
  if (carried && !entry.early) Object.assign(outcome, trajectoryDiagnostics(carried));
  if (options.adaptive) {
    outcome.adaptiveThreshold = options.adaptive.threshold;
    outcome.adaptiveAxisWeights = { ...options.adaptive.axisWeights };
  }
  return { outcome, roundChange };
}

/** Steps 1 to 12 of reference §2.3, after the tamper check. */
function computeOutcome(context: Context, verdicts: readonly RecordVerdict[], decisionOnly = false): MemoEntry {
  const { round, config, unsafe, n, f, needed, view } = context;
  const present = verdicts.length;
  if (present === 0) return earlyAbort(context, verdicts, 'no_evaluations');
  if (n < membershipMin) {
    const reason = `insufficient_participants: n=${n} < ${membershipMin} (BFT requires n ≥ 3f+1)`;
    return earlyAbort(context, verdicts, reason);
  }
  if (present < needed) {
    const reason = `partition: only ${present}/${n} participated, below quorum_needed=${needed}`;
    return earlyAbort(context, verdicts, reason);
  }

  const rosterKnown = Array.isArray(round.roster) && round.roster.length > 0;
  const trimFor = (k: number): number => {
    if (unsafe.centroid === 'mean') return 0;
    return unsafe.trim === 'arrived' ? Math.floor((k - 1) / 3) : f;
  };
  const scores = scoreRecords(verdicts, { rosterKnown, embed: config.embed, trimFor });
  const quorum = verdicts
    .filter((v) => !v.tampered && scores.pentadic[v.aid]! >= config.threshold)
    .map((v) => v.aid);
  const inQuorum = new Set(quorum);
  const committed = quorum.length >= needed;
  const outcome: Outcome = {
    ...outcomeBase(context, verdicts),
    status: committed ? 'committed' : 'aborted',
    quorumSize: quorum.length,
    quorumAgents: quorum,
    outlierAgents: verdicts.filter((v) => !inQuorum.has(v.aid)).map((v) => v.aid),
    perAxis: scores.perAxis,
    axisContributors: contributors(quorum, scores.perAxis, config.threshold),
    viewNumber: committed ? view : view + 1,
  };
  if (committed) outcome.winner = winnerOf(quorum, scores.pentadic);
  else outcome.reason = `no_quorum: ${quorum.length} of ${n} reached the threshold, need ${needed}`;
  // The commit is decided above; the diagnostics only describe it.
  if (!decisionOnly) Object.assign(
    outcome,
    resolveDiagnostics({
      verdicts,
      scores,
      quorum,
      config,
      rosterKnown,
      deliberate: context.carried === undefined,
    }),
  );
  if (committed) return { outcome };
  return { outcome, abort: { view, quorumSize: quorum.length, quorumNeeded: needed } };
}

/** The fields every outcome carries, whatever its status. */
function outcomeBase(context: Context, verdicts: readonly RecordVerdict[]) {
  const tampered = verdicts.filter((v) => v.tampered).map((v) => v.aid);
  return {
    roundId: String(context.round.id),
    n: context.n,
    f: context.f,
    quorumNeeded: context.needed,
    tamperedAgents: tampered,
    tamperedExceedsF: context.n > 0 && tampered.length > context.f,
    threshold: context.config.threshold,
    consensusType: 'unknown' as const,
  };
}

/**
 * An abort before scoring (no records, n < 4, a partition): no quorum, no scores, every
 * untampered record an outlier, no consensus type, and the view moves on (reference §2.3
 * step 4).
 */
function earlyAbort(
  context: Context,
  verdicts: readonly RecordVerdict[],
  reason: string,
): MemoEntry {
  return {
    early: true,
    outcome: {
      ...outcomeBase(context, verdicts),
      status: 'aborted',
      reason,
      quorumSize: 0,
      quorumAgents: [],
      outlierAgents: verdicts.filter((v) => !v.tampered).map((v) => v.aid),
      perAxis: {},
      axisContributors: emptyContributors(),
      viewNumber: context.view + 1,
    },
  };
}

/**
 * The quorum member with the highest score, ties broken by the larger id, so resolvers that
 * received the records in different orders name the same winner.
 */
function winnerOf(quorum: readonly string[], pentadic: Readonly<Record<string, number>>): string {
  let best = quorum[0]!;
  for (const aid of quorum) {
    const score = pentadic[aid]!;
    const bestScore = pentadic[best]!;
    if (score > bestScore || (score === bestScore && aid > best)) best = aid;
  }
  return best;
}

function contributors(
  quorum: readonly string[],
  perAxis: Outcome['perAxis'],
  threshold: number,
): Record<Axis, string[]> {
  const out = emptyContributors();
  for (const axis of AXES) out[axis] = quorum.filter((aid) => perAxis[aid]![axis] >= threshold);
  return out;
}

function emptyContributors(): Record<Axis, string[]> {
  return { semantic: [], affective: [], relational: [], epistemic: [], behavioral: [] };
}

function currentView(round: Round): number {
  return Number.isSafeInteger(round.view) && round.view >= 0 ? round.view : 0;
}

/**
 * Everything the outcome depends on. Each record enters through its verdict and the
 * commitment its own contents hash to, which binds its quantised axes and vocabulary; a
 * malformed record enters only as such, since it scores −1 whatever it holds.
 */
function outcomeKey(context: Context, verdicts: readonly RecordVerdict[]): string {
  const { round, config, unsafe } = context;
  const header = [
    'resolve/1',
    config.threshold,
    config.embed,
    unsafe.quorum ?? '',
    unsafe.centroid ?? '',
    unsafe.trim ?? '',
    unsafe.seal ?? '',
    String(round.id),
    context.view,
    context.n,
    Array.isArray(round.roster) && round.roster.length > 0 ? 'roster' : 'no-roster',
    // A carried trajectory replaces the memoised trust-free diagnostics after the lookup.
    context.carried ? 'deliberated' : 'trust-free',
  ].join('\u0001');
  const records = verdicts.map(
    (verdict) =>
      `${verdict.aid}\u0001${verdict.tampered ? 1 : 0}\u0001` +
      (verdict.inspection.expectedCommitment ?? 'malformed'),
  );
  return sha256Hex([header, ...records].join('\u0000'));
}

/** Outcomes are plain JSON; callers get their own copy, never the memo's. */
function cloneOutcome(outcome: Outcome): Outcome {
  return JSON.parse(JSON.stringify(outcome)) as Outcome;
}
