import { parseScenario, type Result, type ScenarioError } from '../parseScenario';
import type { Fault, Scenario } from '../scenario';
import { scenarioLimits } from '../scenario';
import { describeForkChange, unsafeValues, type ForkChange } from './forkChange';

/**
 * The fork of `base` at tick `at` (SPEC §7 Compare): a concrete scenario, the base plus one
 * change that acts from `at` on, so it has its own `#s=` link and its run equals the base's
 * before `at` (a property test). Never throws: a change that cannot apply (an agent that does
 * not exist, a rule already off, a fault the agent already has) is an error naming `change`.
 */
export function forkScenario(base: Scenario, at: number, change: ForkChange): Result<Scenario, ScenarioError> {
  const problem = conflict(base, change);
  if (problem !== null) return { ok: false, error: { path: problem.path, message: `${problem.path}: ${problem.detail}` } };
  const fork = JSON.parse(JSON.stringify(base)) as Scenario;
  const caption = `What if ${describeForkChange(change, at)}`;
  fork.name = caption.length <= scenarioLimits.nameCharsMax ? caption : `${caption.slice(0, scenarioLimits.nameCharsMax - 1)}…`;
  const from = at > 0 ? { from: at } : {};
  switch (change.kind) {
    case 'unsafe': {
      const resonance = (fork.resonance ??= {});
      resonance.unsafe = { ...resonance.unsafe, [change.rule]: unsafeValues[change.rule] };
      if (at > 0) resonance.unsafeFrom = { ...resonance.unsafeFrom, [change.rule]: at };
      break;
    }
    case 'crash':
    case 'drop-next':
      fork.actions = [...(fork.actions ?? []), { tick: at, do: change.kind, agent: change.agent }];
      break;
    case 'silence':
      fork.faults = [...(fork.faults ?? []), { kind: 'silent', agents: [change.agent], ...from }];
      break;
    case 'fault': {
      const victim = change.victim === undefined ? {} : { victim: change.victim };
      const fault = { kind: change.fault, agents: [change.agent], ...victim, ...from } as Fault;
      fork.faults = [...(fork.faults ?? []), fault];
      break;
    }
  }
  const parsed = parseScenario(fork);
  if (parsed.ok) return parsed;
  // The base was valid, so what the fork breaks is the change's (a victim missing, say).
  return { ok: false, error: { path: 'change', message: `change: ${parsed.error.message}` } };
}

/** Why the change would do nothing or cannot apply to `base`; null when it can. */
function conflict(base: Scenario, change: ForkChange): { path: string; detail: string } | null {
  if (change.kind === 'unsafe') {
    if (base.protocol !== 'resonance') return { path: 'change.rule', detail: 'unsafe rules are ResonanceBFT switches' };
    if (base.resonance?.unsafe?.[change.rule] !== undefined) {
      return { path: 'change.rule', detail: `resonance.unsafe.${change.rule} is already on in the base` };
    }
    return null;
  }
  if (change.agent >= base.n) return { path: 'change.agent', detail: `agent ${change.agent} does not exist (n = ${base.n})` };
  const named = (kind: Fault['kind']) =>
    (base.faults ?? []).some((fault) => fault.kind === kind && fault.agents.includes(change.agent));
  if (change.kind === 'silence' && named('silent')) {
    return { path: 'change.agent', detail: `a${change.agent} already has a silent fault in the base` };
  }
  if (change.kind === 'fault' && named(change.fault)) {
    return { path: 'change.fault', detail: `a${change.agent} already has a ${change.fault} fault in the base` };
  }
  return null;
}
