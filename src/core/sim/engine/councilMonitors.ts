import { toHex } from '../../crypto';
import type { ConsensusProtocol } from '../../council';
import type { VerifyMemo } from '../../crypto';
import type { SimEvent } from './traceEvents';
import {
  findCouncilEquivocations,
  verifyCouncilEquivocationCertificate,
  type SignedVote,
} from './councilEquivocation';
import { voteDigest } from './councilVoting';
import type { InvariantStatus } from './monitors';
import { invariantNames, type InvariantName } from './traceEvents';

/** What the monitors read of the Council engine (a narrow view: no import of the engine). */
export interface MonitoredCouncil {
  readonly tick: number;
  readonly ledger: ConsensusProtocol;
  readonly verifyMemo: VerifyMemo;
  emit(event: SimEvent): void;
  index(id: string): number;
  pubkeyOf(voterId: string): string | null;
}

/** What the Council's monitors have seen so far, as plain data. */
export interface CouncilMonitorsState {
  sentVotes: SignedVote[];
  violations: Map<InvariantName, string>;
}

/**
 * The invariant monitors of SPEC §5 that apply to a Council run, fed by the engine.
 *
 * - integrity: the ledger's audit chain is verified after every event (incrementally, so
 *   this costs only what was appended since); the first break is recorded with its index.
 * - equivocation: every voter that signed two values on one proposal is convicted by a
 *   certificate that verifies; judged once the run is over, like ResonanceBFT's.
 *
 * The other invariants are about replicated commits, which a single-ledger council does not
 * have; they are reported green with what holds in their place (see `okDetail`).
 */
export class CouncilMonitors {
  private readonly sentVotes: SignedVote[];
  private readonly violations: Map<InvariantName, string>;

  /** `state`: what a restored engine's monitors had seen (taken over, not copied). */
  constructor(private readonly engine: MonitoredCouncil, state?: CouncilMonitorsState) {
    this.sentVotes = state?.sentVotes ?? [];
    this.violations = state?.violations ?? new Map();
  }

  /** Everything seen so far, by reference (not a copy): for an engine snapshot. */
  state(): CouncilMonitorsState {
    return { sentVotes: this.sentVotes, violations: this.violations };
  }

  /** Every vote signed in the run, honest or not, as sent (before any loss or garbling). */
  onVoteSent(vote: SignedVote): void {
    this.sentVotes.push(vote);
  }

  afterEvent(): void {
    if (this.violations.has('integrity')) return;
    const verdict = this.engine.ledger.verifyAuditChainDetailed();
    if (verdict.firstInvalid === null) return;
    const index = verdict.firstInvalid;
    const entry = this.engine.ledger.auditEntry(index);
    const what = entry ? ` (${entry.eventType} of ${entry.proposalId} by ${entry.actorId})` : '';
    this.violate('integrity', null,
      `the audit chain breaks at entry ${index}${what}: its hash no longer matches, ` +
        'so it and every later link are untrusted');
  }

  onRunEnd(): void {
    const engine = this.engine;
    const pubkeyOf = (voter: string) => engine.pubkeyOf(voter);
    for (const cert of findCouncilEquivocations(this.sentVotes, pubkeyOf, engine.verifyMemo)) {
      const valid = verifyCouncilEquivocationCertificate(cert, engine.verifyMemo);
      const roundNo = engine.ledger.listProposals().findIndex((p) => p.id === cert.proposalId) + 1;
      // The two signed votes, the Council's counterpart of two sealed records; the ledger
      // holds every vote, so no agent is named as holding one.
      engine.emit({
        t: engine.tick,
        kind: 'certificateFound',
        accused: engine.index(cert.voter),
        roundNo,
        roundId: cert.proposalId,
        valid,
        pubkey: cert.pubkey,
        records: cert.votes.map((vote) => ({
          commitment: toHex(voteDigest(vote)),
          says: `${vote.value} on ${vote.proposalId} (tick ${vote.tick})`,
          signature: vote.signature,
          verifies: engine.verifyMemo.verify(vote.signature, voteDigest(vote), cert.pubkey),
          heldBy: null,
        })),
      });
      if (!valid) {
        const detail = `the certificate against ${cert.voter} does not verify`;
        this.violate('equivocation', roundNo, detail);
      }
    }
  }

  statuses(): InvariantStatus[] {
    return invariantNames.map((name) => {
      const detail = this.violations.get(name);
      return { name, ok: detail === undefined, detail: detail ?? okDetail[name] };
    });
  }

  private violate(name: InvariantName, roundNo: number | null, detail: string): void {
    if (this.violations.has(name)) return;
    this.violations.set(name, detail);
    this.engine.emit({ t: this.engine.tick, kind: 'invariantViolated', name, detail, roundNo });
  }
}

/**
 * What holds for the Council in place of each invariant. Integrity and equivocation are
 * checked above; the others hold by construction of a single signature-checking ledger.
 */
const okDetail: Record<InvariantName, string> = {
  agreement:
    'council: a single ledger decides each proposal once, so there are no replicas to disagree',
  validity:
    'council: each decision is the core weighted tally of the signature-checked votes recorded',
  integrity: 'council: the audit chain verifies, every entry linked to the one before',
  equivocation:
    'council: every voter who signed two values on one proposal is convicted by a certificate',
  'certified-commits':
    'council: only votes whose ed25519 signature verifies under the named voter\'s key count',
  'liveness-after-heal':
    'council: each round closes at its deadline, so a partition delays votes but never stalls it',
  'no-honest-quarantine': 'council: accountability quarantines act only in ResonanceBFT runs',
};
