import { useMemo } from 'react';
import type { TraceIndex } from '../../trace/traceIndex';
import { accusationKinds, accusationsAt, type AccusationState } from '../council/councilState';

/**
 * Accountability, for one agent at the cursor (issue 15): the accusations it made and those
 * against it, how each ended, its quarantine, and how it voted on the others. From the trace.
 */
export function AccountabilityFacts({ trace, tick, agent }: { trace: TraceIndex; tick: number; agent: number }) {
  const events = useMemo(() => trace.ofKinds(accusationKinds), [trace]);
  // Weights do not change who accused whom or how it ended; the tally bars are the panel's.
  const accusations = useMemo(() => accusationsAt(events, tick, []), [events, tick]);
  const made = accusations.filter((accusation) => accusation.proposer === agent);
  const against = accusations.filter((accusation) => accusation.accused === agent);
  const quarantine = against.find((accusation) => accusation.fromRound !== null);
  const voted = accusations.filter(
    (accusation) => accusation.proposer !== agent && accusation.verdicts.some((verdict) => verdict.voter === agent),
  );
  return (
    <section className="inspector-section" aria-label="Accountability" data-testid="inspector-accountability">
      <h3>Accountability</h3>
      {quarantine !== undefined && (
        <p className="inspector-line inspector-quarantined" data-testid="inspector-quarantined">
          ⊘ Quarantined at tick {quarantine.decidedTick} by Council vote {quarantine.id}: honest replicas ignore
          a{agent} from round {quarantine.fromRound} on.
        </p>
      )}
      {made.length === 0 && against.length === 0 && voted.length === 0 ? (
        <p className="muted">No accusation made, received or voted on by tick {tick}.</p>
      ) : (
        <ul className="inspector-list">
          {made.map((accusation) => (
            <li key={`made:${accusation.id}`}>
              Accused a{accusation.accused} at tick {accusation.proposedTick} with {accusation.forged ? 'a forged' : 'an'}{' '}
              equivocation proof ({accusation.holds ? 'it holds' : 'it does not hold'}): {outcome(accusation)}.
            </li>
          ))}
          {against.map((accusation) => (
            <li key={`against:${accusation.id}`}>
              Accused by a{accusation.proposer} at tick {accusation.proposedTick} ({accusation.holds ? 'the proof holds' : 'the proof does not hold'}):{' '}
              {outcome(accusation)}.
            </li>
          ))}
          {voted.map((accusation) => {
            const verdict = accusation.verdicts.find((v) => v.voter === agent)!;
            return (
              <li key={`voted:${accusation.id}`}>
                Voted {verdict.value} on quarantining a{accusation.accused} ({accusation.id})
                {verdict.proofValid === null ? '' : `, having found the proof ${verdict.proofValid ? 'valid' : 'invalid'}`}.
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function outcome(accusation: AccusationState): string {
  if (accusation.decidedTick === null) return 'the vote is open';
  if (accusation.fromRound !== null) return `quarantine executed at tick ${accusation.decidedTick}`;
  if (accusation.withheld !== null) return `approved by too few voters (${accusation.withheld.approveCount} of ${accusation.withheld.approversNeeded} needed), so withheld`;
  if (accusation.reputation !== null) return `rejected at tick ${accusation.decidedTick}, and the accuser lost reputation`;
  return `${accusation.decision.replace('_', ' ')} at tick ${accusation.decidedTick}`;
}
