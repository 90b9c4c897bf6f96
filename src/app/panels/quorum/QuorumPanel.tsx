import { memo, useMemo } from 'react';
import type { Scenario } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';
import { EmptyState, Panel } from '../../components/Panel';
import { percent, signed } from '../../format';
import { AgentChips, QuorumLegend } from './AgentChips';
import { OverlapDiagram } from './OverlapDiagram';
import { quorumAt, type QuorumRound, type QuorumSnapshot } from './quorumState';
import './quorum.css';

export interface QuorumPanelProps {
  scenario: Scenario | null;
  trace: TraceIndex;
  /** The shared time cursor: the panel shows the round proposed last at or before it. */
  tick: number;
  selectedAgent?: number | null;
  onSelectAgent?(agent: number | null): void;
}

/** The n−f arithmetic live at the cursor, and why two quorums share an honest agent (SPEC §7). */
export const QuorumPanel = memo(QuorumPanelBody);

function QuorumPanelBody(props: QuorumPanelProps) {
  const { scenario, trace, tick, selectedAgent, onSelectAgent } = props;
  const isCouncil = scenario?.protocol === 'council';
  // Events carry whole ticks, so the snapshot changes only when the whole tick does.
  const wholeTick = Math.floor(tick);
  const snapshot = useMemo(
    () => (scenario && !isCouncil ? quorumAt(scenario, trace, wholeTick) : null),
    [scenario, isCouncil, trace, wholeTick],
  );
  return (
    <Panel
      testId="quorum-view"
      title="Quorum"
      caption="How many sealed evaluations the leader needs, and whose have arrived at this tick."
      info={<QuorumExplanation />}
      legend={snapshot && <QuorumLegend statuses={snapshot.round?.statuses ?? null} />}
    >
      {isCouncil ? (
        <EmptyState>Council decides by weighted vote: see the council panel.</EmptyState>
      ) : snapshot === null ? (
        <EmptyState>Load a scenario: its n, f and quorum size will appear here.</EmptyState>
      ) : (
        <div className="quorum-body">
          <QuorumNumbers snapshot={snapshot} />
          {snapshot.round === null ? (
            <EmptyState>
              Press play: each agent&apos;s evaluation will appear as it reaches the leader.
            </EmptyState>
          ) : (
            <RoundProgress
              round={snapshot.round}
              snapshot={snapshot}
              selectedAgent={selectedAgent}
              onSelectAgent={onSelectAgent}
            />
          )}
          <OverlapDiagram n={snapshot.n} f={snapshot.f} rule={snapshot.rule} />
        </div>
      )}
    </Panel>
  );
}

function QuorumNumbers({ snapshot: s }: { snapshot: QuorumSnapshot }) {
  const unsafe = s.rule === '2f+1';
  return (
    <dl className="quorum-numbers" data-testid="quorum-numbers" data-rule={s.rule}>
      <div>
        <dt>n = {s.n}</dt>
        <dd>agents in the round</dd>
      </div>
      <div>
        <dt>f = {s.f}</dt>
        <dd>⌊(n−1)/3⌋: Byzantine agents tolerated</dd>
      </div>
      <div className={unsafe ? 'quorum-number' : 'quorum-number in-force'}>
        <dt>n−f = {s.nMinusF}</dt>
        <dd>{unsafe ? 'the safe quorum (switched off)' : 'evaluations needed to commit'}</dd>
      </div>
      <div className={unsafe ? 'quorum-number in-force unsafe' : 'quorum-number'}>
        <dt>2f+1 = {s.twoFPlusOne}</dt>
        <dd>
          {unsafe
            ? '⚠ in force (unsafe switch): too small when n > 3f+1'
            : s.twoFPlusOne === s.nMinusF
              ? 'textbook quorum; equals n−f here, as n = 3f+1'
              : 'textbook quorum; smaller than n−f here, so not used'}
        </dd>
      </div>
      {s.membershipPresent && (
        <p className="quorum-note unsafe">
          ⚠ membership: present (unsafe switch): the leader takes n from the records it holds, so a
          partitioned minority can reach its own quorum.
        </p>
      )}
    </dl>
  );
}

interface RoundProgressProps {
  round: QuorumRound;
  snapshot: QuorumSnapshot;
  selectedAgent?: number | null;
  onSelectAgent?(agent: number | null): void;
}

function RoundProgress({ round, snapshot, selectedAgent, onSelectAgent }: RoundProgressProps) {
  const needed = snapshot.quorumNeeded;
  const ruleName = snapshot.rule === '2f+1' ? '2f+1' : 'n−f';
  const share = needed > 0 ? Math.min(1, round.arrivedCount / needed) : 1;
  return (
    <div
      className="quorum-round"
      data-testid="quorum-round"
      data-round={round.roundNo}
      data-view={round.view}
    >
      <p className="quorum-round-name">
        round {round.roundNo} · view {round.view} · leader a{round.leader}
        <Resolution round={round} />
      </p>
      <div
        className="quorum-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={needed}
        aria-valuenow={Math.min(round.arrivedCount, needed)}
        aria-label={`arrived ${round.arrivedCount} of ${needed} needed (${ruleName})`}
      >
        <div
          className={share >= 1 ? 'quorum-progress-fill full' : 'quorum-progress-fill'}
          style={{ width: `${share * 100}%` }}
        />
      </div>
      <p className="quorum-progress-label" data-testid="quorum-arrived">
        arrived {round.arrivedCount} of {ruleName} = {needed} needed
        {round.arrivedCount >= needed ? ' ✓ enough to resolve' : ''}
      </p>
      <AgentChips
        statuses={round.statuses}
        rejections={round.rejections}
        leader={round.leader}
        selectedAgent={selectedAgent}
        onSelectAgent={onSelectAgent}
      />
      {round.resolution?.stanceAudit && <StanceAudit audit={round.resolution.stanceAudit} />}
    </div>
  );
}

/**
 * The false-agreement audit (split-stance): topic-close texts that take opposite sides can
 * form a quorum, because the stance embedding sees mostly the topic. The audit splits the
 * quorum by the sign of each member's stance and counts the opposed pairs.
 */
function StanceAudit({ audit }: { audit: NonNullable<NonNullable<QuorumRound['resolution']>['stanceAudit']> }) {
  const side = (sign: 1 | -1) =>
    audit.stances
      .filter(([, stance]) => Math.sign(stance) === sign)
      .map(([agent, stance]) => `a${agent} (${signed(stance)})`)
      .join(', ');
  const memberCount = audit.stances.length;
  const pairCount = (memberCount * (memberCount - 1)) / 2;
  const flagged = audit.pairs.length > 0;
  return (
    <p className={`stance-audit${flagged ? ' flagged' : ''}`} data-testid="stance-audit" data-rate={audit.rate}>
      <strong>{flagged ? '⚠ False agreement: ' : '✓ Stances agree: '}</strong>
      {flagged ? (
        <>
          {audit.pairs.length} of the quorum&apos;s {pairCount} pairs are close in topic but take opposite stances
          ({percent(audit.rate)}): for {side(1) || 'nobody'} against {side(-1) || 'nobody'}. The audit is a
          diagnostic: the commit stands, but the agreement it records is only about the topic.
        </>
      ) : (
        <>no two quorum members take opposite stances.</>
      )}
    </p>
  );
}

function Resolution({ round }: { round: QuorumRound }) {
  const r = round.resolution;
  if (r === null) return <span className="quorum-resolution pending"> · … not resolved yet</span>;
  if (round.resolutions.length > 1) {
    return (
      <span className="quorum-resolution equivocated" data-testid="quorum-resolution" data-status="equivocated">
        {' '}· ⚠ leader a{round.leader} resolved this round {round.resolutions.length} times and sent each value to
        different replicas (it equivocated):{' '}
        {round.resolutions
          .map((each) => `${each.status === 'committed' ? '✓' : '✗'} winner ${each.winner === null ? '—' : `a${each.winner}`} ` +
            `with ${each.quorumSize} counted, ${each.quorumNeeded} needed`)
          .join('; ')}
      </span>
    );
  }
  const names = (agents: number[]) => agents.map((a) => `a${a}`).join(' ');
  // Policy: "5 counted, 5 needed", never "5/5", which reads as a fraction (issue 12).
  const counted = `with ${r.quorumSize} counted, ${r.quorumNeeded} needed`;
  // A resolution to commit is the leader's proposal until a replica decides the round.
  const proposed = r.status === 'committed' && !round.decided;
  const verdict = r.status !== 'committed' ? '✗ aborted' : proposed ? 'resolved to commit' : '✓ committed';
  return (
    <span
      className={`quorum-resolution ${r.status}`}
      data-testid="quorum-resolution"
      data-status={r.status}
      data-decided={round.decided}
    >
      {` · ${verdict} ${counted}`}
      {r.winner !== null && `, winner a${r.winner}`}
      {r.tamperedAgents.length > 0 && `, tampered ${names(r.tamperedAgents)}`}
      {r.reason && ` (${r.reason})`}
      {proposed && " (proposed; not committed until the replicas' votes reach the quorum)"}
    </span>
  );
}

function QuorumExplanation() {
  return (
    <>
      <p>
        With n agents of which up to f = ⌊(n−1)/3⌋ may be Byzantine, the leader waits for n−f sealed
        evaluations: the f silent ones may never answer, so it cannot wait for more.
      </p>
      <p>
        Any two sets of n−f agents share at least 2(n−f)−n = n−2f ≥ f+1 agents, so at least one
        honest agent is in both. That honest agent would not endorse two conflicting values, so two
        quorums cannot commit different ones. The textbook 2f+1 equals n−f only when n = 3f+1; for
        larger n two 2f+1 quorums may share only f agents, all possibly Byzantine
        (preset <code>unsafe-2f1-fork</code>).
      </p>
    </>
  );
}
