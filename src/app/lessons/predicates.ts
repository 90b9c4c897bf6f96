import type { TraceIndex } from '../trace/traceIndex';
import type { Predicate } from './lesson';

/** A predicate's verdict over a run, with the trace's evidence in words. */
export interface Verdict {
  holds: boolean;
  /** What the trace shows, true whichever way the verdict goes ("round 2 committed at tick 22"). */
  evidence: string;
}

const id = (agent: number) => `a${agent}`;
const names = (agents: readonly number[]) => (agents.length === 0 ? 'nobody' : agents.map(id).join(', '));

/**
 * Evaluates a choice's predicate over the trace up to `tick` (SPEC §7: the answer comes from
 * the simulated run, never from the lesson). Policy: predicates live in the app over the run's
 * `TraceIndex`, beside the panels that show the same events, so a reveal reads exactly what the
 * page draws; the unit tests evaluate them over core's trace of the same scenario.
 */
export function evaluatePredicate(predicate: Predicate, trace: TraceIndex, tick: number): Verdict {
  switch (predicate.is) {
    case 'committed': {
      const commit = trace.kindUpTo('committed', tick).find((event) => event.roundNo === predicate.round);
      return commit === undefined
        ? { holds: false, evidence: `no replica had committed round ${predicate.round} by tick ${tick}` }
        : { holds: true, evidence: `${id(commit.agent)} committed round ${predicate.round} at tick ${commit.t} (winner ${id(commit.winner)})` };
    }
    case 'commits': {
      const rounds = new Set(trace.kindUpTo('committed', tick).map((event) => event.roundNo));
      const count = rounds.size;
      return {
        holds: count >= predicate.atLeast,
        evidence: `${count} round${count === 1 ? '' : 's'} committed by tick ${tick}`,
      };
    }
    case 'inQuorum': {
      // The committed quorum once the round commits; before that, the latest resolution's.
      const commit = trace.kindUpTo('committed', tick).find((event) => event.roundNo === predicate.round);
      const resolved = trace
        .kindUpTo('roundResolved', tick)
        .filter((event) => event.roundNo === predicate.round && event.status === 'committed')
        .at(-1);
      const quorum = commit?.quorumAgents ?? resolved?.quorumAgents;
      if (quorum === undefined) {
        return { holds: false, evidence: `round ${predicate.round} had no quorum by tick ${tick}` };
      }
      return { holds: quorum.includes(predicate.agent), evidence: `round ${predicate.round}'s quorum: ${names(quorum)}` };
    }
    case 'tampered': {
      const resolved = trace.kindUpTo('roundResolved', tick).find((event) => event.tamperedAgents.includes(predicate.agent));
      return resolved === undefined
        ? { holds: false, evidence: `no resolver found ${id(predicate.agent)}'s seal broken by tick ${tick}` }
        : {
            holds: true,
            evidence: `at tick ${resolved.t} ${id(resolved.agent)} found broken seals from ${names(resolved.tamperedAgents)} and left them out`,
          };
    }
    case 'invariantFailed': {
      const violation = trace.kindUpTo('invariantViolated', tick).find((event) => event.name === predicate.name);
      return violation === undefined
        ? { holds: false, evidence: `the ${predicate.name} monitor stayed green up to tick ${tick}` }
        : { holds: true, evidence: `the ${predicate.name} monitor turned red at tick ${violation.t}: ${violation.detail}` };
    }
    case 'viewChanged': {
      const change = trace
        .kindUpTo('viewChanged', tick)
        .find((event) => event.reason !== 'next-round' && (predicate.round === undefined || event.roundNo === predicate.round));
      const where = predicate.round === undefined ? '' : ` in round ${predicate.round}`;
      return change === undefined
        ? { holds: false, evidence: `no view change${where} by tick ${tick}` }
        : { holds: true, evidence: `${id(change.agent)} moved to view ${change.view}${where} at tick ${change.t}` };
    }
    case 'certificate': {
      const found = trace.kindUpTo('certificateFound', tick).find((event) => event.accused === predicate.agent && event.valid);
      return found === undefined
        ? { holds: false, evidence: `no valid certificate against ${id(predicate.agent)} by tick ${tick}` }
        : {
            holds: true,
            evidence: `at tick ${found.t} a certificate of ${found.records.length} records signed by ${id(found.accused)} verified`,
          };
    }
    case 'quarantined': {
      const done = trace.kindUpTo('quarantineExecuted', tick).find((event) => event.accused === predicate.agent);
      return done === undefined
        ? { holds: false, evidence: `${id(predicate.agent)} was not quarantined by tick ${tick}` }
        : { holds: true, evidence: `${id(predicate.agent)} was quarantined at tick ${done.t}, from round ${done.fromRound}` };
    }
    case 'accusation': {
      const tallies = trace.kindUpTo('accusationTallied', tick).filter((event) => event.accused === predicate.accused);
      const last = tallies.at(-1);
      if (last === undefined) return { holds: false, evidence: `no accusation against ${id(predicate.accused)} was tallied by tick ${tick}` };
      return {
        holds: tallies.some((event) => event.decision === predicate.decision),
        evidence:
          `the accusation against ${id(predicate.accused)} was ${last.decision} at tick ${last.t} ` +
          `(${last.approveCount} approve, ${last.rejectCount} reject)`,
      };
    }
    case 'councilDecision': {
      const tally = trace.kindUpTo('councilTallied', tick).find((event) => event.roundNo === predicate.round && event.decision !== 'pending');
      return tally === undefined
        ? { holds: false, evidence: `proposal ${predicate.round} was not decided by tick ${tick}` }
        : {
            holds: tally.decision === predicate.decision,
            evidence:
              `proposal ${predicate.round} was ${tally.decision.replace('_', ' ')} at tick ${tally.t}: approve weight ` +
              `${tally.approveWeight}, reject weight ${tally.rejectWeight}, threshold ${tally.thresholdUsed}`,
          };
    }
    case 'stalled': {
      const end = trace.lastOf('runEnded', tick);
      if (end === null) return { holds: false, evidence: `the run had not ended by tick ${tick}` };
      return end.reason === 'stalled'
        ? { holds: true, evidence: `the run stalled at tick ${end.t}: ${end.detail ?? 'views exhausted'}` }
        : { holds: false, evidence: `the run ended (${end.reason}) at tick ${end.t} with ${end.commits} rounds committed` };
    }
    case 'consensusType': {
      const deliberated = trace.kindUpTo('deliberated', tick).filter((event) => event.roundNo === predicate.round).at(-1);
      return deliberated === undefined
        ? { holds: false, evidence: `round ${predicate.round} had not deliberated by tick ${tick}` }
        : {
            holds: deliberated.consensusType === predicate.type,
            evidence: `round ${predicate.round}'s deliberation was classified ${deliberated.consensusType}`,
          };
    }
    case 'sycophant': {
      const flagged = trace.kindUpTo('deliberated', tick).find((event) => event.sycophants?.includes(predicate.agent));
      return flagged === undefined
        ? { holds: false, evidence: `the sycophancy audit had not flagged ${id(predicate.agent)} by tick ${tick}` }
        : { holds: true, evidence: `in round ${flagged.roundNo} the audit flagged ${names(flagged.sycophants ?? [])}` };
    }
    case 'not': {
      const inner = evaluatePredicate(predicate.not, trace, tick);
      return { holds: !inner.holds, evidence: inner.evidence };
    }
    default: {
      const unknown: never = predicate;
      throw new Error(`Unknown predicate ${JSON.stringify(unknown)}`);
    }
  }
}
