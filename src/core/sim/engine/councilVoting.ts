import { canonicalJson } from '../../canonicalJson';
import { ConsensusProtocol, VoteValue, type VoteValueT } from '../../council';
import { sha256Bytes } from '../../crypto';
import type { Rng } from '../../rng';
import type { ResolvedScenario } from '../scenario';
import type { SimEvent } from './traceEvents';

/**
 * The rules a council voter and its coordinator follow inside the simulated network, as pure
 * functions: what is signed, when a round's tally is due, and how each voter decides.
 */

/** A proposal as it travels from its proposer to every voter (`CP`). */
export interface ProposalMessage {
  type: 'CP';
  roundNo: number;
  proposalId: string;
  proposer: string;
  action: string;
  target: string;
  /** The tick the proposal was made. */
  tick: number;
  /** Hex ed25519 signature of the proposer over `proposalDigest`. */
  signature: string;
}

/** A vote as it travels from a voter to the coordinator (`CV`). */
export interface VoteMessage {
  type: 'CV';
  roundNo: number;
  proposalId: string;
  /** The voter the vote claims to be from. */
  voter: string;
  value: VoteValueT;
  /** The tick the vote was cast. */
  tick: number;
  /** Hex ed25519 signature over `voteDigest`. */
  signature: string;
}

export type CouncilPayload = ProposalMessage | VoteMessage;

/**
 * What a proposer signs: sha256 of a domain tag and the canonical JSON of the proposal's
 * fields. Policy: each signed object kind has its own tag, so a signature over a proposal can
 * never be replayed as a vote (or as a ResonanceBFT record) that happens to share fields.
 */
/**
 * A Council ledger over the roster a0 .. a{n−1} with the scenario's weights and rules, its
 * clock the engine's tick: the Council engine's, and the accountability votes' of ResonanceBFT.
 */
export function councilLedger(
  scenario: ResolvedScenario,
  clock: () => number,
  emit: (event: SimEvent) => void,
): ConsensusProtocol {
  const roster = Array.from({ length: scenario.n }, (_, index) => `a${index}`);
  const council = scenario.council;
  return new ConsensusProtocol(roster, {
    weights: Object.fromEntries(roster.map((id, index) => [id, council.weights[index]!])),
    config: {
      quorumFraction: council.quorumFraction,
      majorityThreshold: council.majorityThreshold,
      supermajorityThreshold: council.supermajorityThreshold,
      defaultExpiry: council.expiry,
      allowVoteChange: council.allowVoteChange,
    },
    clock,
    // Each audit entry enters the trace as it is appended (SPEC §5: the trace is the contract).
    onAudit: (entry) => emit({ t: clock(), kind: 'auditAppended', entry }),
  });
}

export function proposalDigest(p: Omit<ProposalMessage, 'type' | 'signature'>): Uint8Array {
  const fields = {
    action: p.action,
    proposalId: p.proposalId,
    proposer: p.proposer,
    roundNo: p.roundNo,
    target: p.target,
    tick: p.tick,
  };
  return sha256Bytes('bft-lab:council-proposal:' + canonicalJson(fields));
}

/** What a voter signs: sha256 of a domain tag and the canonical JSON of the vote's fields. */
export function voteDigest(
  v: Pick<VoteMessage, 'proposalId' | 'voter' | 'value' | 'tick'>,
): Uint8Array {
  const fields = { proposalId: v.proposalId, tick: v.tick, value: v.value, voter: v.voter };
  return sha256Bytes('bft-lab:council-vote:' + canonicalJson(fields));
}

/**
 * Ticks after a proposal within which every vote that is neither lost nor withheld has
 * arrived, when the council has no expiry.
 *
 * Policy: 2 × the maximum latency + 1: the proposal's trip out and the vote's trip back at the
 * worst latency, plus one tick so that a vote delivered on the last tick of the round trip is
 * in before the tally (the deadline is queued first, so on its own tick it would run first).
 * The window only closes rounds that wait on a silent, crashed, cut-off or dropped voter.
 */
export function collectionWindowTicks(latency: readonly [number, number]): number {
  return 2 * latency[1] + 1;
}

/**
 * The tick at which the coordinator tallies what it holds, if not every vote came earlier.
 *
 * Policy: with an expiry the deadline is the first tick at which the ledger treats the
 * proposal as expired (`now > expiresAt`), so a late tally follows the core rule and records
 * an expiry (no quorum) instead of deciding on a partial vote; without one, the collection
 * window above.
 */
export function tallyDeadline(
  createdAt: number,
  expiryTicks: number,
  latency: readonly [number, number],
): number {
  return expiryTicks > 0 ? createdAt + expiryTicks + 1 : createdAt + collectionWindowTicks(latency);
}

/** One round's opinions: each agent's own lean, and the lean of the honest majority. */
export interface RoundLeans {
  leans: VoteValueT[];
  majority: VoteValueT;
}

/**
 * Draws every agent's lean on a round's proposal: approve with probability `support`, from
 * the agent's own stream (`council:a3`).
 *
 * Policy: every agent draws on every round, at the round's start, whether or not the
 * proposal ever reaches it, so a dropped message, a partition or a crash never shifts an
 * agent's later opinions, and one agent's draws never shift another's.
 *
 * The honest majority is taken over `honest` agents only (no fault of any kind); a tie leans
 * to approve. With no honest agent at all it is approve.
 */
export function drawLeans(
  streams: readonly Rng[],
  support: number,
  honest: readonly boolean[],
): RoundLeans {
  const leans = streams.map((stream) =>
    stream.chance(support) ? VoteValue.APPROVE : VoteValue.REJECT,
  );
  let approving = 0;
  let counted = 0;
  leans.forEach((lean, agent) => {
    if (!honest[agent]) return;
    counted++;
    if (lean === VoteValue.APPROVE) approving++;
  });
  return { leans, majority: approving * 2 >= counted ? VoteValue.APPROVE : VoteValue.REJECT };
}

/** The value a `biased` voter, a `bloc` member or a forged vote casts: against the majority. */
export function againstMajority(leans: RoundLeans): VoteValueT {
  return leans.majority === VoteValue.APPROVE ? VoteValue.REJECT : VoteValue.APPROVE;
}

/**
 * An equivocator's vote to a recipient: approve to the lower half of the roster, reject to
 * the upper half (the split the ResonanceBFT equivocator uses), so any coordinator sees one
 * of the two and peers on the other side hold the other, both validly signed.
 */
export function equivocationValue(recipient: number, agentCount: number): VoteValueT {
  return recipient < agentCount / 2 ? VoteValue.APPROVE : VoteValue.REJECT;
}

/**
 * A payload garbled in transit: the first byte of its signature flipped. Policy: garbling
 * corrupts bytes rather than setting a flag, so the receiver catches it the only way a real
 * one could, by the signature check, and the trace shows that signatures also protect
 * integrity in transit.
 */
export function garbledPayload<T extends CouncilPayload>(payload: T): T {
  const first = (parseInt(payload.signature.slice(0, 2), 16) ^ 0xff).toString(16).padStart(2, '0');
  return { ...payload, signature: first + payload.signature.slice(2) };
}
