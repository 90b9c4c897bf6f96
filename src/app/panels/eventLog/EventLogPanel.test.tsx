import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../worker/api';
import { EventLogPanel, type EventLogPanelProps } from './EventLogPanel';
import {
  agentsInTrace, eventLogRows, eventLogRowsMax, eventLogRowsMaxFor, eventLogRowsMaxLarge, EventLogScanner, type EventLogFilter,
} from './eventLogRows';
import { preset } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import { eventCategories } from './narrate';
import { TraceIndex } from '../../trace/traceIndex';

const events: SimEvent[] = [
  { t: 0, kind: 'roundProposed', agent: 0, roundNo: 1, view: 0, roundId: 'r', topic: 'caching' },
  { t: 0, kind: 'messageSent', id: 1, from: 0, to: 3, type: 'R', roundNo: 1, view: 0, deliverAt: 2 },
  { t: 2, kind: 'evaluationSealed', agent: 3, roundNo: 1, view: 0, commitment: 'sha256:3f2a9c1e77', text: '<b>bold</b> & yes' },
  { t: 2, kind: 'deliberationStep', roundNo: 1, step: 0, from: 0, positions: [[0, 0]], hk1d: [0.5] },
  { t: 5, kind: 'invariantViolated', name: 'agreement', detail: 'two winners', roundNo: 1 },
  { t: 9, kind: 'agentCrashed', agent: 4 },
];

const allCategories = new Set(eventCategories);
const filter = (overrides: Partial<EventLogFilter> = {}): EventLogFilter => ({
  agent: null, categories: allCategories, showMessages: false, ...overrides,
});

function render(props: Partial<EventLogPanelProps> = {}): string {
  return renderToStaticMarkup(<EventLogPanel trace={TraceIndex.of(events)} tick={5} selectedAgent={null} onSeek={() => {}} {...props} />);
}

describe('eventLogRows', () => {
  it('lists the events up to the cursor, oldest first, without messages or deliberation steps', () => {
    const { rows, hiddenCount } = eventLogRows(TraceIndex.of(events), 5, filter());
    expect(rows.map((row) => row.kind)).toEqual(['roundProposed', 'evaluationSealed', 'invariantViolated']);
    expect(hiddenCount).toBe(0);
  });

  it('lists messages when asked, and only the chosen agent’s events', () => {
    expect(eventLogRows(TraceIndex.of(events), 5, filter({ showMessages: true })).rows).toHaveLength(4);
    expect(eventLogRows(TraceIndex.of(events), 9, filter({ agent: 3, showMessages: true })).rows.map((row) => row.kind))
      .toEqual(['messageSent', 'evaluationSealed']);
    expect(eventLogRows(TraceIndex.of(events), 9, filter({ categories: new Set(['fault'] as const) })).rows.map((row) => row.t)).toEqual([9]);
  });

  it('keeps and marks one event whatever the filters (the first difference of a compared pair)', () => {
    const { rows } = eventLogRows(TraceIndex.of(events), 9, filter({ agent: 4, keep: 1 }));
    expect(rows.map((row) => [row.kind, row.marked ?? false])).toEqual([['messageSent', true], ['agentCrashed', false]]);
    expect(eventLogRows(TraceIndex.of(events), 0, filter({ keep: 1 })).rows.at(-1)?.marked).toBe(true);
    // Not yet at the cursor: not listed.
    expect(eventLogRows(TraceIndex.of(events), 5, filter({ keep: 5 })).rows.some((row) => row.marked)).toBe(false);
  });

  it('draws at most rowsMax rows and counts the earlier ones', () => {
    const { rows, hiddenCount } = eventLogRows(TraceIndex.of(events), 9, filter(), 2);
    expect(rows.map((row) => row.kind)).toEqual(['invariantViolated', 'agentCrashed']);
    expect(hiddenCount).toBe(2);
  });

  it('finds the cursor by tick and the agents by index', () => {
    const trace = TraceIndex.of(events);
    expect(trace.end(-1)).toBe(0);
    expect(trace.end(2)).toBe(4);
    expect(trace.end(100)).toBe(events.length);
    expect(agentsInTrace(TraceIndex.of(events))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('EventLogPanel', () => {
  it('says what will appear before the run starts', () => {
    const html = render({ trace: TraceIndex.of([]) });
    expect(html).toContain('data-testid="event-log"');
    expect(html).toContain('will be told here');
    expect(html).not.toContain('aria-live');
  });

  it('draws one seek button per row with its tick, the violation in red with ✗', () => {
    const html = render();
    expect(html.match(/<button type="button"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('a0 (leader of view 0) proposed round 1 on the caching change');
    expect(html).toContain('class="event-log-row invariant at-cursor"');
    expect(html).toContain('>✗</span>');
    expect(html).not.toContain('a4 crashed');
  });

  it('renders agent text as escaped text, never as markup', () => {
    const html = render();
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; yes');
    expect(html).not.toContain('<b>bold</b>');
  });

  it('highlights the rows of the selected agent', () => {
    expect(render({ selectedAgent: 3 })).toContain('class="event-log-row protocol selected"');
  });
});

describe('EventLogScanner', () => {
  it('answers as eventLogRows at every tick, forward, back and with another filter, reading only new events going forward', () => {
    const trace = runScenario(preset('byzantine-tamper').scenario).trace as SimEvent[];
    const whole = TraceIndex.of(trace);
    const scanner = new EventLogScanner();
    const plain = filter();
    const messages = filter({ showMessages: true });
    const ticks = [...new Set(trace.map((event) => event.t))];
    let previous = scanner.rows(whole, -1, plain, 40);
    for (const tick of ticks) {
      const rows = scanner.rows(whole, tick, plain, 40);
      expect(rows).toEqual(eventLogRows(whole, tick, plain, 40));
      // Rows already listed keep their objects (a memoised row is not drawn again).
      for (const row of rows.rows) {
        const old = previous.rows.find((listed) => listed.index === row.index);
        if (old !== undefined) expect(row).toBe(old);
      }
      previous = rows;
    }
    expect(previous.hiddenCount).toBeGreaterThan(0);
    const middle = ticks[Math.floor(ticks.length / 2)]!;
    expect(scanner.rows(whole, middle, plain, 40)).toEqual(eventLogRows(whole, middle, plain, 40));
    expect(scanner.rows(whole, middle, messages, 40)).toEqual(eventLogRows(whole, middle, messages, 40));
    const inside = whole.prefix(whole.end(middle) - 1);
    expect(scanner.rows(inside, middle, messages, 40)).toEqual(eventLogRows(inside, middle, messages, 40));
    const marked = filter({ keep: 3 });
    expect(scanner.rows(whole, ticks.at(-1)!, marked, 40)).toEqual(eventLogRows(whole, ticks.at(-1)!, marked, 40));
  });
});

describe('the log of a large run', () => {
  /** `agentCount` agents each sealing an evaluation at tick 2. */
  const sealed = (agentCount: number): SimEvent[] =>
    Array.from({ length: agentCount }, (_, agent): SimEvent => ({
      t: 2, kind: 'evaluationSealed', agent, roundNo: 1, view: 0, commitment: `sha256:${agent}`, text: 'yes',
    }));
  const rowCount = (html: string) => html.match(/<li class="event-log-row/g)?.length ?? 0;

  it('draws the last 300 rows up to 200 agents and the last 100 above, counting the rest', () => {
    expect(eventLogRowsMaxFor(200)).toBe(eventLogRowsMax);
    expect(eventLogRowsMaxFor(201)).toBe(eventLogRowsMaxLarge);
    const small = render({ trace: TraceIndex.of(sealed(200).concat(sealed(200))), tick: 2 });
    expect(rowCount(small)).toBe(300);
    expect(small).toContain('100 earlier events hidden');
    const large = render({ trace: TraceIndex.of(sealed(250)), tick: 2 });
    expect(rowCount(large)).toBe(100);
    expect(large).toContain('150 earlier events hidden');
  });
});
