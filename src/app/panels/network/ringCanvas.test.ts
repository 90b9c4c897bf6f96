import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario, SimEvent } from '../../../worker/api';
import { agentAt, drawRingStatic, labelStep, paletteTokens, ringMarks, ringStaticKey, type RingPalette } from './ringCanvas';
import { ringStatic } from './ringLayout';
import { TraceIndex } from '../../trace/traceIndex';

function ring(n: number) {
  const scenario: Scenario = { v: 1, seed: 1, protocol: 'resonance', n };
  return ringStatic({ scenario, trace: TraceIndex.of([]), tick: 0, width: 560, height: 560 });
}

describe('agentAt', () => {
  it('finds every agent of a 1000-agent ring at its own centre', () => {
    const large = ring(1000);
    for (const agent of large.agents) expect(agentAt(large, agent.x, agent.y)).toBe(agent.index);
  });

  it('picks the nearer agent just beside one, and nothing in the middle of the ring', () => {
    const small = ring(250);
    const a10 = small.agents[10]!;
    expect(agentAt(small, a10.x + 1, a10.y + 1)).toBe(10);
    expect(agentAt(small, small.cx, small.cy)).toBeNull();
    expect(agentAt(small, a10.x + a10.outX * 30, a10.y + a10.outY * 30)).toBeNull();
  });
});

describe('labelStep', () => {
  it('labels every 15th agent of 250 and every 50th of 1000', () => {
    expect(labelStep(250)).toBe(15);
    expect(labelStep(1000)).toBe(50);
    expect(labelStep(7)).toBe(5);
  });
});

/**
 * A 2-D context that records each stroked path (its circles, colour, width and dash) and each
 * text drawn: enough to see what `drawRingStatic` paints where, without a canvas.
 */
class RecordingContext {
  strokeStyle = '';
  fillStyle = '';
  lineWidth = 1;
  font = '';
  textAlign = '';
  textBaseline = '';
  globalAlpha = 1;
  strokes: { colour: string; width: number; dash: number[]; circles: { x: number; y: number; r: number }[] }[] = [];
  texts: { text: string; x: number; y: number; colour: string }[] = [];
  private path: { x: number; y: number; r: number }[] = [];
  private dash: number[] = [];
  beginPath() {
    this.path = [];
  }
  arc(x: number, y: number, r: number) {
    this.path.push({ x, y, r });
  }
  setLineDash(dash: number[]) {
    this.dash = dash;
  }
  stroke() {
    this.strokes.push({ colour: this.strokeStyle, width: this.lineWidth, dash: this.dash, circles: this.path });
  }
  fillText(text: string, x: number, y: number) {
    this.texts.push({ text, x, y, colour: this.fillStyle });
  }
  moveTo() {}
  lineTo() {}
  fill() {}
  clearRect() {}
  save() {}
  restore() {}
  translate() {}
  /** The circles stroked in `colour`, with the stroke's dash. */
  ringsIn(colour: string) {
    return this.strokes.filter((stroke) => stroke.colour === colour).flatMap((stroke) => stroke.circles.map((circle) => ({ ...circle, dash: stroke.dash })));
  }
}

const palette: RingPalette = {
  surface: '#ffffff', text: '#111111', textMuted: '#555555', border: '#dddddd', slate: '#56607a', leader: '#e69f00',
  byzantine: '#d55e00', equivocator: '#cc79a7', pending: '#8a93a3', focus: '#0072b3', aborted: '#d55e01',
  quarantine: '#6a3a9e', fork0: '#0072b2', fork1: '#e69f02',
};

const n = 250;
const forkScenario: Scenario = { v: 1, seed: 1, protocol: 'resonance', n, faults: [{ kind: 'equivocate', agents: [0] }] };

/** Round 1 forks: a3 and a4 commit one value, a5 another; a9 is quarantined at tick 12. */
function forkedEvents(): SimEvent[] {
  const commit = (t: number, agent: number, winner: number): SimEvent => ({
    t, kind: 'committed', agent, roundNo: 1, view: 0, roundId: 'r1', winner, quorumAgents: [0, 1, 2], commitVoters: [0, 1, 2], via: 'votes',
  });
  return [
    commit(10, 3, 1),
    commit(10, 4, 1),
    commit(11, 5, 2),
    // A Byzantine agent's commit is no side of a fork.
    commit(11, 0, 2),
    { t: 12, kind: 'quarantineExecuted', accuser: 1, accused: 9, roundNo: 1, proposalId: 'prop-0001', fromRound: 2 },
  ];
}

function drawn(tick: number, focus: number[] = []) {
  const shown = ringStatic({ scenario: forkScenario, trace: TraceIndex.of(forkedEvents()), tick, width: 560, height: 560 });
  const context = new RecordingContext();
  drawRingStatic(context as unknown as CanvasRenderingContext2D, shown, palette, null, ringMarks(shown, focus));
  return { shown, context, r: Math.max(shown.agentRadius, 1.5) };
}

describe('drawRingStatic marks what the SVG ring marks', () => {
  it('rings a quarantined agent at r + 5, dotted in the quarantine colour, and says so in its description', () => {
    const { shown, context, r } = drawn(12);
    const a9 = shown.agents[9]!;
    expect(context.ringsIn(palette.quarantine)).toEqual([{ x: a9.x, y: a9.y, r: r + 5, dash: [2, 3] }]);
    expect(a9.description).toContain('quarantined by Council vote prop-0001');
  });

  it('rings each side of a fork at r + 1.5 in its own colour, side B dashed, honest agents only', () => {
    const { shown, context, r } = drawn(12);
    const at = (index: number) => ({ x: shown.agents[index]!.x, y: shown.agents[index]!.y, r: r + 1.5 });
    expect(context.ringsIn(palette.fork0)).toEqual([{ ...at(3), dash: [] }, { ...at(4), dash: [] }]);
    expect(context.ringsIn(palette.fork1)).toEqual([{ ...at(5), dash: [3, 2] }]);
    expect(shown.agents[5]!.description).toContain('committed value B of the fork in round 1');
  });

  it('outlines the lesson focus at r + 10, dashed, with a ◆ inside the ring', () => {
    const { shown, context, r } = drawn(12, [7, 120, 400]);
    const [a7, a120] = [shown.agents[7]!, shown.agents[120]!];
    expect(context.ringsIn(palette.focus)).toEqual([
      { x: a7.x, y: a7.y, r: r + 10, dash: [5, 4] },
      { x: a120.x, y: a120.y, r: r + 10, dash: [5, 4] },
    ]);
    const marks = context.texts.filter((text) => text.text === '◆');
    expect(marks).toHaveLength(2);
    expect(marks[1]!.colour).toBe(palette.focus);
    // Inside the ring: nearer the centre than the agent.
    expect(Math.hypot(marks[1]!.x - shown.cx, marks[1]!.y - shown.cy)).toBeCloseTo(shown.radius - r - 10, 6);
  });

  it('marks nothing before the fork and the quarantine, and no agent without them', () => {
    const before = drawn(9);
    expect(before.context.ringsIn(palette.quarantine)).toEqual([]);
    expect(before.context.ringsIn(palette.fork0)).toEqual([]);
    expect(before.context.ringsIn(palette.fork1)).toEqual([]);
    expect(before.context.ringsIn(palette.focus)).toEqual([]);
    expect(before.context.texts.filter((text) => text.text === '◆')).toEqual([]);
    // Once marked, only the marked agents have rings of these colours.
    const after = drawn(12, [7]);
    const centres = [palette.quarantine, palette.fork0, palette.fork1, palette.focus]
      .flatMap((colour) => after.context.ringsIn(colour))
      .map((circle) => after.shown.agents.findIndex((agent) => agent.x === circle.x && agent.y === circle.y));
    expect(centres.sort((a, b) => a - b)).toEqual([3, 4, 5, 7, 9]);
  });

  it('changes the static key when a quarantine, a fork side or the focus changes, and only then', () => {
    const key = (tick: number, focus: number[] = []) => {
      const shown = ringStatic({ scenario: forkScenario, trace: TraceIndex.of(forkedEvents()), tick, width: 560, height: 560 });
      return ringStaticKey(shown, ringMarks(shown, focus));
    };
    // Tick 10: a3 and a4 committed, no fork yet (one value); 11: the fork; 12: the quarantine.
    expect(key(9)).toBe(key(10));
    expect(key(11)).not.toBe(key(10));
    expect(key(12)).not.toBe(key(11));
    expect(key(12, [7])).not.toBe(key(12));
    expect(key(12, [7])).not.toBe(key(12, [8]));
    expect(key(12, [7, 7, 400])).toBe(key(12, [7]));
  });

  it('keys the side of a fork, not only who is in it', () => {
    const shown = ringStatic({ scenario: forkScenario, trace: TraceIndex.of(forkedEvents()), tick: 12, width: 560, height: 560 });
    const marks = ringMarks(shown);
    const swapped = { ...marks, forked: marks.forked.map((mark) => ({ ...mark, side: (1 - mark.side) as 0 | 1 })) };
    expect(ringStaticKey(shown, swapped)).not.toBe(ringStaticKey(shown, marks));
  });
});

describe('paletteTokens', () => {
  it('names only tokens styles.css defines (a missing one would paint every mark in the fallback grey)', () => {
    const css = readFileSync(new URL('../../styles.css', import.meta.url), 'utf8');
    for (const token of Object.values(paletteTokens)) expect(css).toMatch(new RegExp(`^\\s*${token}:`, 'm'));
  });
});
