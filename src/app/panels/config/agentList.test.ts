import { describe, expect, it } from 'vitest';
import { formatAgentList, parseAgentList } from './agentList';

describe('agent lists as text', () => {
  it('reads single agents, a-prefixed agents and inclusive ranges', () => {
    expect(parseAgentList('0-3, 7, a9')).toEqual({ ok: true, agents: [0, 1, 2, 3, 7, 9] });
  });

  it('says which item it cannot read', () => {
    expect(parseAgentList('1, x')).toEqual({ ok: false, message: '"x" is not an agent or a range like 0-3' });
    expect(parseAgentList('5-2')).toEqual({ ok: false, message: '"5-2" runs backwards' });
  });

  it('writes runs of three or more as ranges, and reads its own text back', () => {
    const agents = [0, 1, 2, 3, 7, 8, 20];
    expect(formatAgentList(agents)).toBe('0-3, 7, 8, 20');
    expect(parseAgentList(formatAgentList(agents))).toEqual({ ok: true, agents });
  });
});
