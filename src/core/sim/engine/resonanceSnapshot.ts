import { agentKeyPair, VerifyMemo, type KeyPair } from '../../crypto';
import { ResolveMemo, type ResonanceAgentState } from '../../resonance';
import type { AccusationPayload } from './accusation';
import type { AccountabilityState } from './Accountability';
import type { LoopState } from './eventLoop';
import type { FaultBookState } from './faultBook';
import type { MachineState } from './machines';
import type { MonitorsState } from './monitors';
import type { OpinionsState } from './opinionSource';
import type { Payload } from './replica/types';
import type { Delivery, TransportState } from './Transport';

/** What travels in a ResonanceBFT run: the replicas' messages and accountability's votes. */
export type EnginePayload = Payload | AccusationPayload;

/** What the ResonanceBFT engine schedules on its queue. */
export type ResonanceScheduled =
  | Delivery<EnginePayload>
  | { kind: 'accusationDeadline'; proposalId: string }
  | { kind: 'timer'; agent: number; timer: 'view' | 'collect'; roundNo: number; view: number }
  | { kind: 'restart'; agent: number };

/**
 * Everything of a ResonanceBFT engine that changes during a run, as plain data (objects,
 * arrays, maps and sets; no class instance, no function): what `restore` rebuilds an engine
 * from. The trace is not in it, only its length (`loop.eventCount`; see `SimEngine`).
 */
export interface ResonanceSnapshot {
  protocol: 'resonance';
  /** The clock, the queue (messages in flight, timers, restarts) and the next manual action. */
  loop: LoopState<ResonanceScheduled>;
  /** The `net` stream, crashed agents, pending drops and the message counter. */
  transport: TransportState;
  /** The `faults:aX` streams drawn from so far. */
  faults: FaultBookState;
  /** Each agent's state machine, by agent index (a twin: both copies). */
  machines: MachineState[];
  /** Each agent's counters and trust store, by agent index. */
  agents: ResonanceAgentState[];
  opinions: OpinionsState;
  monitors: MonitorsState;
  deliberatedRounds: Set<number>;
  scoredRounds: Set<string>;
  /** Accountability's ledger, held records and quarantines; null when it is off. */
  accountability: AccountabilityState | null;
}

/**
 * Work an engine restored from a snapshot may share with the engine it came from, because
 * each is a pure function of its keys (never state): signature verdicts, resolution outcomes
 * and the agents' key pairs (`agentKeyPair(seed, id)`, by agent index).
 */
export interface ResonanceCaches {
  verifyMemo: VerifyMemo;
  memo: ResolveMemo;
  keys: readonly KeyPair[];
}

/** The caches of a run that starts from nothing: empty memos, keys derived per agent. */
export function freshCaches(seed: number, roster: readonly string[]): ResonanceCaches {
  const verifyMemo = new VerifyMemo();
  const memo = new ResolveMemo({ verify: verifyMemo, immutableRecords: true });
  return { verifyMemo, memo, keys: roster.map((id) => agentKeyPair(seed, id)) };
}
