import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preset } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import type { SimEvent } from '../../../worker/api';
import { QuorumPanel } from './QuorumPanel';
import { TraceIndex } from '../../trace/traceIndex';

describe('QuorumPanel', () => {
  it('says what will appear before a scenario is loaded', () => {
    const html = renderToStaticMarkup(<QuorumPanel scenario={null} trace={TraceIndex.of([])} tick={0} />);
    expect(html).toContain('data-testid="quorum-view"');
    expect(html).toContain('Load a scenario');
  });

  it('points council scenarios to the council panel', () => {
    const { scenario } = preset('council-quarantine');
    const html = renderToStaticMarkup(<QuorumPanel scenario={scenario} trace={TraceIndex.of([])} tick={0} />);
    expect(html).toContain('Council decides by weighted vote');
  });

  it('shows the arithmetic, the tampered agents and the honest overlap', () => {
    const { scenario } = preset('byzantine-tamper');
    const trace = runScenario(scenario).trace as readonly SimEvent[];
    const html = renderToStaticMarkup(<QuorumPanel scenario={scenario} trace={TraceIndex.of(trace)} tick={5} />);
    expect(html).toContain('<dt>n = 7</dt>');
    expect(html).toContain('data-status="tampered"');
    expect(html).toContain('data-honest-guaranteed="true"');
  });

  it('calls a resolution committed only once a replica has committed the round', () => {
    const { scenario } = preset('happy-path');
    const trace = runScenario(scenario).trace as readonly SimEvent[];
    const index = TraceIndex.of(trace);
    const last = scenario.rounds ?? 5;
    const resolved = trace.find((event) => event.kind === 'roundResolved' && event.roundNo === last)!;
    const committed = trace.find((event) => event.kind === 'committed' && event.roundNo === last)!;
    expect(committed.t).toBeGreaterThan(resolved.t);
    const at = (tick: number) => renderToStaticMarkup(<QuorumPanel scenario={scenario} trace={index} tick={tick} />);
    // While the replicas vote, the leader's resolution is a proposal, not a commit.
    const voting = at(resolved.t);
    expect(voting).toContain(`data-round="${last}"`);
    expect(voting).toContain('data-decided="false"');
    expect(voting).toContain('resolved to commit with 5 counted, 5 needed');
    expect(voting).toContain('not committed until');
    expect(voting).not.toContain('✓ committed');
    const decided = at(trace.at(-1)!.t);
    expect(decided).toContain(`data-round="${last}"`);
    expect(decided).toContain('data-decided="true"');
    expect(decided).toContain('✓ committed with 5 counted, 5 needed');
    expect(decided).not.toContain('not committed until');
  });

  it('explains the fork under the 2f+1 switch', () => {
    const { scenario } = preset('unsafe-2f1-fork');
    const html = renderToStaticMarkup(<QuorumPanel scenario={scenario} trace={TraceIndex.of([])} tick={0} />);
    expect(html).toContain('data-honest-guaranteed="false"');
    expect(html).toContain('which is how the fork happens');
  });
});
