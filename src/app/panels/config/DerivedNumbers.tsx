import type { Scenario } from '../../../worker/api';
import { faultyAgents, quorumNumbers } from './draftEdits';

/** The fewest agents ResonanceBFT can decide with: n = 3f + 1 for f = 1 (reference `resolve`). */
const resonanceAgentsMin = 4;

/**
 * The numbers the draft implies, live as it is edited: f = ⌊(n−1)/3⌋, the n−f quorum, the
 * 2f+1 certificate, and a warning once more agents are faulty than f.
 */
export function DerivedNumbers({ draft }: { draft: Scenario }) {
  const faulty = faultyAgents(draft).length;
  if (draft.protocol === 'council') {
    return (
      <p className="config-derived" data-testid="config-derived">
        <span>n = {draft.n} voters</span>
        <span>{faulty} faulty</span>
      </p>
    );
  }
  const { f, quorum, certificate } = quorumNumbers(draft.n);
  const unsafeQuorum = draft.resonance?.unsafe?.quorum !== undefined;
  return (
    <div data-testid="config-derived">
      <dl className="config-derived">
        <div><dt>f = {f}</dt><dd>⌊(n−1)/3⌋ tolerated</dd></div>
        <div className={unsafeQuorum ? 'unsafe' : undefined}>
          <dt>n−f = {quorum}</dt><dd>{unsafeQuorum ? 'quorum (switched off)' : 'quorum to commit'}</dd>
        </div>
        <div><dt>2f+1 = {certificate}</dt><dd>votes per certificate</dd></div>
        <div className={faulty > f ? 'unsafe' : undefined}><dt>{faulty} faulty</dt><dd>agents with a fault</dd></div>
      </dl>
      {draft.n < resonanceAgentsMin && (
        <p className="config-warning" role="status" data-testid="config-n-warning">
          <span aria-hidden="true">⚠ </span>
          n = {draft.n}: ResonanceBFT needs at least {resonanceAgentsMin} agents. With fewer, f = 0 tolerates no
          fault and the leader aborts every round (its resolution refuses fewer than {resonanceAgentsMin}{' '}
          records), so nothing will commit.
        </p>
      )}
      {faulty > f && (
        <p className="config-warning" role="status" data-testid="config-f-warning">
          <span aria-hidden="true">⚠ </span>
          {faulty} faulty agents: more than f Byzantine agents (f = {f}), so safety is not guaranteed.
        </p>
      )}
    </div>
  );
}
