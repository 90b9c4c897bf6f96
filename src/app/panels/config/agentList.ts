/**
 * Agent lists as text, for scenarios too large for one chip per agent: "0-3, 7, a9" means
 * agents 0, 1, 2, 3, 7 and 9. Ranges are inclusive; an `a` prefix is allowed, as in `a9`.
 */

/** Above this many agents the panel lists agents as text instead of one chip each. */
export const chipAgentsMax = 100;

export type AgentListResult = { ok: true; agents: number[] } | { ok: false; message: string };

const itemPattern = /^a?(\d{1,4})(?:\s*[-–]\s*a?(\d{1,4}))?$/;

/** Sorted, distinct agent indices. Agents beyond n are kept: Apply lists and removes them. */
export function parseAgentList(text: string): AgentListResult {
  const agents = new Set<number>();
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const match = itemPattern.exec(item);
    if (!match) return { ok: false, message: `"${item}" is not an agent or a range like 0-3` };
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    if (high < low) return { ok: false, message: `"${item}" runs backwards` };
    for (let agent = low; agent <= high; agent += 1) agents.add(agent);
  }
  return { ok: true, agents: [...agents].sort((a, b) => a - b) };
}

/** The shortest text `parseAgentList` reads back as `agents`: runs of three or more as ranges. */
export function formatAgentList(agents: readonly number[]): string {
  const sorted = [...new Set(agents)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    if (end - start >= 2) parts.push(`${sorted[start]}-${sorted[end]}`);
    else for (let i = start; i <= end; i += 1) parts.push(String(sorted[i]));
    start = end + 1;
  }
  return parts.join(', ');
}
