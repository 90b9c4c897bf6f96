import type { VerifyMemo } from '../../crypto';
import type { ResolveMemo, ResonanceAgent } from '../../resonance';
import type { ResolvedScenario } from '../scenario';
import type { FaultBook } from './faultBook';
import type { OpinionSource } from './opinionSource';
import type { SimEvent } from './traceEvents';

/**
 * What the engine's helpers (sealing, deliberation, scores, monitors, the summary) may see of a
 * ResonanceBFT engine. Each takes a `Pick` of it naming exactly what it reads, so no module
 * takes the whole engine and none imports `ResonanceEngine` (which imports them all).
 */
export interface EngineView {
  readonly scenario: ResolvedScenario;
  readonly tick: number;
  readonly events: readonly SimEvent[];
  readonly agents: readonly ResonanceAgent[];
  readonly faults: FaultBook;
  readonly memo: ResolveMemo;
  readonly verifyMemo: VerifyMemo;
  readonly opinions: OpinionSource;
  /** Rounds already deliberated (once per round). */
  readonly deliberatedRounds: Set<number>;
  /** `roundNo:view` keys whose scores are in the trace. */
  readonly scoredRounds: Set<string>;
  emit(event: SimEvent): void;
  /** The index of a roster id the engine itself wrote (`a3` → 3). */
  index(id: string): number;
  /** The roster index of an untrusted id, or null. */
  indexOf(id: unknown): number | null;
}
