import { scenarioDefaults } from '../../core/values';
import type { Scenario } from '../../worker/api';
import type { TraceIndex } from './traceIndex';

export interface CursorStatus {
  /** Rounds (or council proposals) decided by the cursor. */
  decided: number;
  /** ResonanceBFT rounds decided as "no agreement" by the cursor. */
  noAgreement: number;
  /** Rounds the run ended without deciding (council: proposals not approved). */
  aborted: number;
  view: number;
  tick: number;
}

/**
 * The run as it stood at `tick`: rounds committed by then (a round counts once, at its first
 * commit), the highest view any replica had moved to, and council proposals decided.
 */
export function cursorStatus(scenario: Scenario, trace: TraceIndex, tick: number, ended: boolean): CursorStatus {
  const committedRounds = new Set<number>();
  const noAgreementRounds = new Set<number>();
  let view = 0;
  let approved = 0;
  let notApproved = 0;
  for (const event of trace.kindUpTo('committed', tick)) committedRounds.add(event.roundNo);
  for (const event of trace.kindUpTo('decidedNoAgreement', tick)) noAgreementRounds.add(event.roundNo);
  for (const event of trace.kindUpTo('viewChanged', tick)) view = Math.max(view, event.view);
  for (const event of trace.kindUpTo('councilTallied', tick)) {
    if (event.decision === 'approved') approved++;
    else notApproved++;
  }
  const rounds = scenario.rounds ?? scenarioDefaults.rounds;
  if (scenario.protocol === 'council') {
    return { decided: approved, noAgreement: 0, aborted: notApproved, view: 0, tick: Math.floor(tick) };
  }
  const noAgreement = noAgreementRounds.size;
  const aborted = ended ? rounds - committedRounds.size - noAgreement : 0;
  return { decided: committedRounds.size, noAgreement, aborted, view, tick: Math.floor(tick) };
}
