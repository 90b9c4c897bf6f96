import type { ConsensusProtocol } from '../../council';
import type { KeyPair, VerifyMemo } from '../../crypto';
import type { ResolvedScenario } from '../scenario';
import type { CouncilMonitors } from './councilMonitors';
import type { CouncilPayload } from './councilVoting';
import type { FaultBook } from './faultBook';
import type { SimEvent } from './traceEvents';
import type { Delivery } from './Transport';

/** What the Council engine schedules on its queue. */
export type CouncilScheduled =
  | Delivery<CouncilPayload>
  | { kind: 'startRound'; roundNo: number }
  | { kind: 'deadline'; roundNo: number };

/**
 * What the Council's protocol and monitors may see of its engine. They take this (or a `Pick`
 * of it), never `CouncilEngine` itself, which imports them: no import circle.
 */
export interface CouncilEngineView {
  readonly scenario: ResolvedScenario;
  readonly tick: number;
  readonly roster: readonly string[];
  readonly ledger: ConsensusProtocol;
  readonly faults: FaultBook;
  readonly verifyMemo: VerifyMemo;
  readonly monitors: CouncilMonitors;
  emit(event: SimEvent): void;
  index(id: string): number;
  indexOf(id: unknown): number | null;
  isDown(agent: number): boolean;
  keyOf(agent: number): KeyPair;
  pubkeyOf(voterId: string): string | null;
  nextRecoveryTick(): number | null;
  schedule(tick: number, item: CouncilScheduled): void;
  send(from: number, to: number, payload: CouncilPayload): void;
}
