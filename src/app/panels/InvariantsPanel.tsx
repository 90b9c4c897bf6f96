import { memo, useMemo } from 'react';
import type { RunSummaryReply } from '../../worker/api';
import type { TraceIndex } from '../trace/traceIndex';
import { EmptyState, Panel } from '../components/Panel';
import { CertificateCards } from './CertificateCards';
import { ValidityBoxView } from './ValidityBoxView';

const invariantTitles: Record<string, string> = {
  agreement: 'Agreement',
  validity: 'Validity',
  integrity: 'Integrity',
  equivocation: 'No undetected equivocation',
  'certified-commits': 'Certified commits',
  'liveness-after-heal': 'Liveness after heal',
};

/** Each monitor green or red, with a sentence saying what held or what broke. */
export const InvariantsPanel = memo(InvariantsPanelBody);

function InvariantsPanelBody({
  summary,
  trace,
  tick,
  ended,
  onSeek,
}: {
  summary: RunSummaryReply['summary'] | null;
  trace: TraceIndex;
  tick: number;
  ended: boolean;
  /** Moves the time cursor to the tick of a violation. */
  onSeek(tick: number): void;
}) {
  // An invariant turns red at the tick of its first violation event (or at the end of the run
  // for the checks made when it ends); until then it has held so far. Read from the trace
  // index's violations, once per batch, not once per animation frame.
  const violations = useMemo(() => trace.kindUpTo('invariantViolated', Infinity), [trace]);
  const brokenAt = useMemo(() => {
    const first = new Map<string, number>();
    for (const event of violations) if (!first.has(event.name)) first.set(event.name, event.t);
    return first;
  }, [violations]);
  // The first centroid found outside the honest box, drawn under the validity row once reached.
  const validityBox = useMemo(() => violations.find((event) => event.box) ?? null, [violations]);
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
          {summary.invariants.map((invariant) => {
            const at = brokenAt.get(invariant.name);
            const ok = invariant.ok || (at !== undefined ? tick < at : !ended);
            const detail = ok && !invariant.ok ? 'holding so far' : invariant.detail;
            return (
              <li key={invariant.name} className={ok ? 'ok' : 'broken'} data-testid={`invariant-${invariant.name}`} data-ok={ok}>
                <span className="invariant-glyph" aria-hidden="true">{ok ? '✓' : '✗'}</span>
                <span>
                  <strong>{invariantTitles[invariant.name] ?? invariant.name}</strong>
                  <span className="invariant-detail">
                    {detail}
                    {!ok && at !== undefined && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="link-button"
                          data-testid="invariant-seek"
                          aria-label={`Go to the violation of ${invariant.name} at tick ${at}`}
                          onClick={() => onSeek(at)}
                        >
                          (tick {at})
                        </button>
                      </>
                    )}
                    {invariant.name === 'validity' && !ok && validityBox?.box && validityBox.t <= tick && (
                      <ValidityBoxView box={validityBox.box} roundNo={validityBox.roundNo} />
                    )}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <CertificateCards trace={trace} tick={tick} />
    </Panel>
  );
}
