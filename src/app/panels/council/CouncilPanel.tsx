import { memo, useMemo } from 'react';
import type { CouncilRunReport, StreamEvent } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';
import { EmptyState, Panel } from '../../components/Panel';
import { percent } from '../../format';
import { councilAt, lastTallyTick } from './councilState';
import { ProposalCard } from './ProposalCard';
import './council.css';

const councilKinds = new Set<StreamEvent['kind']>([
  'councilProposed', 'councilVoteRecorded', 'councilVoteRejected', 'councilTallied', 'councilExecuted', 'councilExpired',
]);

export interface CouncilPanelProps {
  report: CouncilRunReport | null;
  /** The whole trace of the run, in tick order. */
  trace: TraceIndex;
  tick: number;
  ended: boolean;
}

/** Proposals as they stood at the cursor: weighted tally bars against quorum and majority, blocs. */
export const CouncilPanel = memo(CouncilPanelBody);

function CouncilPanelBody({ report, trace, tick, ended }: CouncilPanelProps) {
  // Council events are a small share of the trace (messages dominate): pick them out once.
  const councilEvents = useMemo(() => trace.ofKinds(councilKinds), [trace]);
  const proposals = useMemo(
    () => (report === null ? [] : councilAt(councilEvents, tick, report.weights)),
    [councilEvents, tick, report],
  );
  const blocsTick = useMemo(() => lastTallyTick(councilEvents), [councilEvents]);
  const blocsShown = ended || (blocsTick !== null && tick >= blocsTick);
  return (
    <Panel
      testId="council-view"
      title="Council"
      caption="Each proposal's weighted votes as they arrive, against its quorum and its majority line."
      info={
        <p>
          The Agent Consensus Protocol decides safety actions by weighted vote. A decision needs a
          quorum of voters taking part (abstentions do not count), then approve weight at or above
          the majority line: half of the cast weight, or two thirds for critical actions
          (terminate, escalate). Every step is appended to a tamper-evident audit chain.
        </p>
      }
      legend={<CouncilLegend />}
    >
      {report === null ? (
        <EmptyState>Press play: each proposal and its tally will appear here as the council votes.</EmptyState>
      ) : (
        <>
          {proposals.length === 0 ? (
            <EmptyState>No proposal yet at tick {Math.floor(tick)}: the first appears when it is made.</EmptyState>
          ) : (
            <ol className="proposal-list">
              {proposals.map((proposal) => (
                <ProposalCard key={proposal.id} proposal={proposal} voters={report} />
              ))}
            </ol>
          )}
          <Blocs blocs={report.blocs} report={report} shown={blocsShown} fromTick={blocsTick} />
        </>
      )}
    </Panel>
  );
}

interface BlocsProps {
  blocs: string[][];
  report: CouncilRunReport;
  shown: boolean;
  fromTick: number | null;
}

type BlocKind = 'majority' | 'against' | 'alike';

/**
 * What a detected bloc is (issue 12: an honest majority must not read like collusion).
 * Policy: a bloc holding at least half of the voting weight is the majority voting alike,
 * which honest voters do; a smaller bloc that voted against most of the other voters on most
 * of its votes is voting together against the rest, which is what collusion looks like; any
 * other bloc is a group that voted alike.
 */
function blocKind(bloc: readonly string[], report: CouncilRunReport): { kind: BlocKind; share: number } {
  const weightOf = (id: string) => report.weights[report.voterIds.indexOf(id)] ?? 1;
  const total = report.voterIds.reduce((sum, id) => sum + weightOf(id), 0);
  const held = bloc.reduce((sum, id) => sum + weightOf(id), 0);
  let cast = 0;
  let against = 0;
  for (const proposal of report.proposals) {
    const others = proposal.votes.filter((vote) => !bloc.includes(vote.voterId) && vote.value !== 'abstain');
    const approving = others.filter((vote) => vote.value === 'approve').length;
    if (others.length === 0 || approving * 2 === others.length) continue;
    const othersApprove = approving * 2 > others.length;
    for (const vote of proposal.votes) {
      if (!bloc.includes(vote.voterId) || vote.value === 'abstain') continue;
      cast += 1;
      if ((vote.value === 'approve') !== othersApprove) against += 1;
    }
  }
  const share = cast === 0 ? 0 : against / cast;
  if (held * 2 >= total) return { kind: 'majority', share };
  return { kind: share >= 0.5 ? 'against' : 'alike', share };
}

const blocWords: Record<BlocKind, (share: number) => string> = {
  majority: () => 'the majority of the voting weight voting alike: expected of honest voters, not collusion',
  against: (share) => `⚠ a minority voting together against the other voters (${percent(share)} of its votes): a colluding bloc`,
  alike: (share) => `a group voting alike, against the other voters on ${percent(share)} of its votes`,
};

function Blocs({ blocs, report, shown, fromTick }: BlocsProps) {
  return (
    <div className="blocs" data-testid="voting-blocs" data-shown={shown}>
      <h3>Voting blocs (agreement ≥ 90%)</h3>
      {!shown ? (
        <p>
          Blocs are found over the whole run’s votes, so they appear once the cursor passes the last
          tally{fromTick === null ? '' : ` (tick ${fromTick})`}.
        </p>
      ) : blocs.length === 0 ? (
        <p>No group of voters agreed on at least 90% of the proposals they shared (whole run).</p>
      ) : (
        <>
          <p>Over the whole run, these voters voted together:</p>
          <ul>
            {blocs.map((bloc) => {
              const { kind, share } = blocKind(bloc, report);
              return (
                <li key={bloc.join(',')} data-kind={kind}>
                  {`{${bloc.join(', ')}}`}{' '}
                  <span className={kind === 'against' ? 'bloc-colluding' : 'bloc-majority'}>{blocWords[kind](share)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

function CouncilLegend() {
  return (
    <ul className="legend">
      <li><span className="swatch bar-approve" /> approve</li>
      <li><span className="swatch bar-reject" /> reject</li>
      <li><span className="swatch line threshold" /> majority line</li>
      <li><span className="swatch line quorum" /> quorum (voters)</li>
      <li><span className="swatch byzantine-chip" /> Byzantine voter</li>
    </ul>
  );
}
