import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preset } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import type { SimEvent } from '../../../worker/api';
import { PentadicPanel } from './PentadicPanel';
import { TraceIndex } from '../../trace/traceIndex';

const trace = runScenario(preset('byzantine-tamper').scenario).trace as SimEvent[];
const end = trace.at(-1)!.t;
const render = (tick: number) =>
  renderToStaticMarkup(<PentadicPanel trace={TraceIndex.of(trace)} tick={tick} selectedAgent={null} onSelectAgent={() => {}} />);

describe('PentadicPanel', () => {
  it('says when the scores will appear before the first resolution', () => {
    const html = render(0);
    expect(html).toContain('data-testid="pentadic-report"');
    expect(html).toContain('once its leader resolves it');
  });

  it('shows the last round at the end: seven rows, the tamperers flagged, a round selector', () => {
    const html = render(end);
    expect(html.match(/data-testid="pentadic-row-/g)).toHaveLength(7);
    expect(html.match(/data-tampered="true"/g)).toHaveLength(2);
    expect(html).toContain('round 5 · view 0');
    expect(html).toMatch(/class="band band-(strong|moderate|borderline|weak)"/);
  });
});
