import { memo, useMemo } from 'react';
import type { AuditEntry, StreamEvent } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';
import { HashText } from '../../components/HashText';
import { EmptyState, Panel } from '../../components/Panel';
import { formatNumber } from '../../format';
import { accusationKinds, accusationsAt, type AccusationState, type ProofVerdict } from './councilState';
import { ProposalCard, type VoterRoll } from './ProposalCard';
import './council.css';

/** The accusations' events and the audit entries they wrote. */
const accountabilityKinds = new Set<StreamEvent['kind']>([...accusationKinds, 'auditAppended']);

export interface AccountabilityPanelProps {
  trace: TraceIndex;
  tick: number;
  voters: VoterRoll;
}

/**
 * Accountability (SPEC §5, issue 15): each proof of misbehaviour as the Council proposal it
 * became, at the cursor: what the proof proves and whether it verifies, every voter's own check
 * and vote, the weighted tally against quorum and majority, the audit entries it wrote, and the
 * quarantine (or the false accuser's penalty) that followed. Everything is read from the trace.
 */
export const AccountabilityPanel = memo(AccountabilityPanelBody);

function AccountabilityPanelBody({ trace, tick, voters }: AccountabilityPanelProps) {
  const events = useMemo(() => trace.ofKinds(accountabilityKinds), [trace]);
  const accusations = useMemo(() => accusationsAt(events, tick, voters.weights), [events, tick, voters.weights]);
  const audit = useMemo(() => auditByProposal(events, tick), [events, tick]);
  return (
    <Panel
      testId="accountability-view"
      title="Accountability"
      caption="Proofs of misbehaviour, each put to a Council quarantine vote that every voter checks for itself."
      info={
        <>
          <p>
            When an honest agent holds two different records signed by one agent for one round, it holds a
            proof anyone can check: an honest agent signs one record per round. It proposes that agent's
            quarantine to the Council with the proof attached. Every voter checks the proof itself before it
            votes; the Council's weights, quorum and majority apply, and every step is written to the audit
            chain.
          </p>
          <p>
            Once the quarantine executes, honest replicas ignore the agent from their next round on: it counts
            as silent. n and f do not change, so the quorum n−f stays the same size.
          </p>
        </>
      }
    >
      {accusations.length === 0 ? (
        <EmptyState>
          No accusation yet at tick {Math.floor(tick)}. When an honest agent comes to hold a proof of
          equivocation (or a Byzantine agent forges one), its quarantine vote appears here.
        </EmptyState>
      ) : (
        <ol className="proposal-list">
          {accusations.map((accusation) => (
            <ProposalCard key={accusation.id} proposal={accusation} voters={voters}>
              <AccusationDetails accusation={accusation} entries={audit.get(accusation.id) ?? []} />
            </ProposalCard>
          ))}
        </ol>
      )}
    </Panel>
  );
}

function auditByProposal(events: readonly StreamEvent[], tick: number): Map<string, AuditEntry[]> {
  const byProposal = new Map<string, AuditEntry[]>();
  for (const event of events) {
    if (event.t > tick) break;
    if (event.kind !== 'auditAppended') continue;
    const list = byProposal.get(event.entry.proposalId) ?? [];
    list.push(event.entry);
    byProposal.set(event.entry.proposalId, list);
  }
  return byProposal;
}

function AccusationDetails({ accusation, entries }: { accusation: AccusationState; entries: AuditEntry[] }) {
  const accused = `a${accusation.accused}`;
  const accuser = `a${accusation.proposer}`;
  const verified = accusation.records.filter((record) => record.verifies).length;
  return (
    <div className="accusation">
      <p className="accusation-claim" data-testid="accusation-claim">
        {accuser} {accusation.forged ? 'claims' : 'shows'} that {accused} signed {accusation.records.length} different
        evaluations for one round ({accusation.proofRoundId}): {accusation.forged ? 'a forged' : 'an'} equivocation
        proof, submitted at tick {accusation.proposedTick}.
      </p>
      <details className="accusation-proof" data-testid="accusation-proof" data-holds={accusation.holds}>
        <summary>
          The proof:{' '}
          <strong className={accusation.holds ? 'proof-holds' : 'proof-fails'}>
            {accusation.holds
              ? `✓ holds: every signature verifies under ${accused}'s key`
              : `✗ does not hold: ${verified} of ${accusation.records.length} signatures verify under ${accused}'s key`}
          </strong>
        </summary>
        <div className="certificate-records">
          {accusation.records.map((record, index) => (
            <figure key={record.commitment} className="certificate-record" data-testid="proof-record">
              <figcaption>Record {index + 1}, said to be {accused}'s</figcaption>
              <blockquote>{record.says}</blockquote>
              <p>
                commitment <HashText hash={record.commitment.replace(/^sha256:/, '')} label="sealed commitment (sha256)" />
              </p>
              <p data-verifies={record.verifies}>
                signature <HashText hash={record.signature} label="ed25519 signature" />{' '}
                {record.verifies ? `✓ verifies under ${accused}'s roster key` : `✗ does not verify under ${accused}'s roster key`}
              </p>
            </figure>
          ))}
        </div>
      </details>
      <Checks verdicts={accusation.verdicts} accused={accusation.accused} />
      <Outcome accusation={accusation} />
      <p className="accusation-audit" data-testid="accusation-audit">
        {entries.length === 0
          ? 'Audit chain: no entry yet.'
          : `Audit chain: entries ${entries[0]!.sequence}–${entries.at(-1)!.sequence} (${entries.map((e) => e.eventType).join(', ')}), the last with hash ${entries.at(-1)!.hash.slice(0, 8)}…`}
      </p>
    </div>
  );
}

const basisWords: Record<ProofVerdict['basis'], (verdict: ProofVerdict) => string> = {
  proof: (verdict) => (verdict.proofValid ? 'checked: the proof holds' : 'checked: the proof does not hold'),
  contrarian: (verdict) =>
    `checked (the proof ${verdict.proofValid ? 'holds' : 'does not hold'}) and voted against it: its fault`,
  accused: () => 'the accused',
  accuser: () => 'the accuser, who forged it',
  unchecked: () => 'did not check: the proof check is switched off',
};

/** Each voter's own check of the proof and the vote it cast, as the trace records them. */
function Checks({ verdicts, accused }: { verdicts: ProofVerdict[]; accused: number }) {
  if (verdicts.length === 0) return null;
  return (
    <ul className="accusation-checks" data-testid="accusation-checks" aria-label="Each voter's check and vote">
      {verdicts.map((verdict) => (
        <li key={`${verdict.voter}:${verdict.tick}`} className={`check-${verdict.value}`} data-basis={verdict.basis}>
          a{verdict.voter}{verdict.voter === accused ? ' (accused)' : ''}: {basisWords[verdict.basis](verdict)} →{' '}
          <strong>{verdict.value}</strong>
        </li>
      ))}
    </ul>
  );
}

function Outcome({ accusation }: { accusation: AccusationState }) {
  const accused = `a${accusation.accused}`;
  const accuser = `a${accusation.proposer}`;
  let text: string;
  if (accusation.decidedTick === null) {
    text = `Voting: the accuser ${accuser} tallies once every vote is in, or at tick ${accusation.deadline}.`;
  } else if (accusation.fromRound !== null) {
    text =
      `Quarantine executed at tick ${accusation.decidedTick}: honest replicas ignore ${accused} from round ` +
      `${accusation.fromRound} on, as if it were silent. n and f are unchanged, so a quorum still needs n−f.`;
  } else if (accusation.withheld !== null) {
    const { approveCount, approversNeeded } = accusation.withheld;
    text =
      `Approved at tick ${accusation.decidedTick}, but withheld: only ${approveCount} voter${approveCount === 1 ? '' : 's'} ` +
      `approved, and up to f of them may be Byzantine. A quarantine needs ${approversNeeded} approvals (more than f), ` +
      `so that at least one honest voter checked the proof. ${accused} stays in` +
      (accusation.reputation !== null ? `, and ${accuser} lost reputation: the proof does not hold.` : '.');
  } else if (accusation.reputation !== null) {
    const honest = accusation.reputation
      .map((value, agent) => ({ value, agent }))
      .filter(({ agent }) => agent !== accusation.proposer && agent !== accusation.accused);
    const values = honest.map(({ value }) => value);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const now = values.length === 0 ? '' : low === high ? ` (now ${formatNumber(low)})` : ` (now ${formatNumber(low)}–${formatNumber(high)})`;
    text =
      `Rejected at tick ${accusation.decidedTick}: the proof does not hold, so ${accuser} lost reputation in ` +
      `every honest voter's store${now}; ${accused} stays in.`;
  } else {
    text = `${accusation.decision === 'approved' ? 'Approved' : 'Not approved'} at tick ${accusation.decidedTick}: ${accused} is not quarantined.`;
  }
  return (
    <p
      className={`accusation-outcome${accusation.fromRound !== null ? ' quarantined' : ''}`}
      data-testid="accusation-outcome"
      data-quarantined={accusation.fromRound !== null}
    >
      {text}
    </p>
  );
}
