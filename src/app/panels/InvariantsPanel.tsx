import type { RunSummaryReply } from '../../worker/api';
import { EmptyState, Panel } from '../components/Panel';

const invariantTitles: Record<string, string> = {
  agreement: 'Agreement',
  validity: 'Validity',
  integrity: 'Integrity',
  equivocation: 'No undetected equivocation',
  'certified-commits': 'Certified commits',
  'liveness-after-heal': 'Liveness after heal',
};

/** Each monitor green or red, with a sentence saying what held or what broke. */
export function InvariantsPanel({ summary }: { summary: RunSummaryReply['summary'] | null }) {
  return (
    <Panel
      testId="invariants-panel"
      title="Invariants"
      caption="What the monitors proved about this run, checked after every event."
      info={
        <p>
          Agreement: no two honest replicas commit different values. Validity: the committed centroid lies
          inside the box of the honest opinions. Certified commits: every commit is backed by 2f+1 signed
          commit votes. Switch a safety rule off and watch one turn red.
        </p>
      }
    >
      {summary === null ? (
        <EmptyState>Run the scenario: each invariant turns green when it held, red with the evidence when it broke.</EmptyState>
      ) : (
        <ul className="invariants">
          {summary.invariants.map((invariant) => (
            <li key={invariant.name} className={invariant.ok ? 'ok' : 'broken'} data-testid={`invariant-${invariant.name}`} data-ok={invariant.ok}>
              <span className="invariant-glyph" aria-hidden="true">{invariant.ok ? '✓' : '✗'}</span>
              <span>
                <strong>{invariantTitles[invariant.name] ?? invariant.name}</strong>
                <span className="invariant-detail">{invariant.detail}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
