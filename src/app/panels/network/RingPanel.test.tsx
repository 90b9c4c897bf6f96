import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Scenario, SimEvent } from '../../../worker/api';
import { RingPanel } from './RingPanel';
import { TraceIndex } from '../../trace/traceIndex';

const scenario: Scenario = { v: 1, seed: 1, protocol: 'resonance', n: 7, faults: [{ kind: 'tamper', agents: [2] }] };
const events: SimEvent[] = [
  { t: 0, kind: 'messageSent', id: 1, from: 0, to: 3, type: 'P', roundNo: 1, view: 0, deliverAt: 2 },
];

function render(props: Partial<Parameters<typeof RingPanel>[0]> = {}): string {
  return renderToStaticMarkup(
    <RingPanel scenario={scenario} trace={TraceIndex.of(events)} tick={1} selectedAgent={null} onSelectAgent={() => {}} {...props} />,
  );
}

describe('RingPanel', () => {
  it('says what will appear before a scenario is loaded', () => {
    const html = render({ scenario: null });
    expect(html).toContain('data-testid="network-view"');
    expect(html).toContain('will appear on this ring');
    expect(html).not.toContain('role="button"');
  });

  it('draws one focusable agent per agent, each described in words', () => {
    const html = render({ selectedAgent: 4 });
    expect(html.match(/role="button"/g)).toHaveLength(7);
    expect(html.match(/tabindex="0"/g)).toHaveLength(7);
    expect(html).toContain('aria-label="a0: leader, 0 committed"');
    expect(html).toContain('a2: Byzantine: tamper, 0 committed');
    expect(html).toContain('aria-pressed="true"');
  });

  it('draws the message in flight with its letter and counts it', () => {
    const html = render();
    expect(html).toContain('>P</text>');
    expect(html).toContain('1 in flight');
  });
});
