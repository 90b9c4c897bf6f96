import type { Scenario } from '../../../worker/api';
import { setFaults, setPath, type Fault, type Partition } from './draftEdits';
import { setPartitions } from './partitionEdits';
import { defaults, faultProtocols, limits } from './scenarioDefaults';

/**
 * What Apply sends. The draft keeps everything the user entered, even what the current n or
 * protocol cannot use, so lowering n and raising it again loses nothing; Apply then leaves out
 * what would not fit, and the panel lists each of those removals before the user applies.
 */
export interface PreparedScenario {
  scenario: Scenario;
  /** One sentence per thing left out or adjusted, e.g. "Removes a7 from fault 2 (silent)…". */
  removals: string[];
}

/** `a0, a3, a4`, shortened past a few agents. */
export function agentNames(agents: readonly number[], shown = 6): string {
  const names = agents.slice(0, shown).map((agent) => `a${agent}`);
  return agents.length > shown ? `${names.join(', ')}, … (${agents.length} agents)` : names.join(', ');
}

export function prepareForApply(draft: Scenario, base: Scenario): PreparedScenario {
  const removals: string[] = [];
  let scenario = withForeignSectionRemoved(draft, removals);
  scenario = withFaultsFitted(scenario, removals);
  scenario = withPartitionsFitted(scenario, removals);
  scenario = withAgentDataFitted(scenario, removals);
  return { scenario: { ...scenario, name: appliedName(draft, base) }, removals };
}

/**
 * The name the applied scenario carries, which the header shows: the user's own if they
 * changed it, else the old one marked "(edited)", within the schema's 80 characters.
 */
export function appliedName(draft: Scenario, base: Scenario): string {
  const name = (draft.name ?? '').trim();
  if (name !== '' && name !== (base.name ?? '')) return name.slice(0, limits.nameCharsMax);
  const stem = name === '' ? 'Custom scenario' : name;
  const full = stem.endsWith('(edited)') ? stem : `${stem} (edited)`;
  return full.length <= limits.nameCharsMax ? full : full.slice(0, limits.nameCharsMax);
}

function withForeignSectionRemoved(scenario: Scenario, removals: string[]): Scenario {
  const foreign = scenario.protocol === 'resonance' ? 'council' : 'resonance';
  if (scenario[foreign] === undefined) return scenario;
  const title = foreign === 'council' ? 'Council' : 'ResonanceBFT';
  removals.push(`Removes the ${title} settings: they have no effect with this protocol.`);
  return setPath(scenario, [foreign], undefined);
}

function withFaultsFitted(scenario: Scenario, removals: string[]): Scenario {
  const { n, protocol } = scenario;
  const faults: Fault[] = [];
  (scenario.faults ?? []).forEach((fault, index) => {
    const label = `fault ${index + 1} (${fault.kind})`;
    if (!faultProtocols[fault.kind].includes(protocol)) {
      removals.push(`Removes ${label}: it has no effect with protocol '${protocol}'.`);
      return;
    }
    const beyond = fault.agents.filter((agent) => agent >= n);
    const agents = fault.agents.filter((agent) => agent < n);
    const victim = fault.kind === 'impersonate' ? fault.victim : null;
    if (beyond.length === 0 && (victim === null || victim < n)) return void faults.push(fault);
    if (victim !== null && victim >= n) {
      removals.push(`Removes ${label}: its victim a${victim} is beyond n = ${n}.`);
      return;
    }
    if (agents.length === 0) {
      removals.push(`Removes ${label}: all its agents are beyond n = ${n}.`);
      return;
    }
    removals.push(`Removes ${agentNames(beyond)} from ${label}: beyond n = ${n}.`);
    faults.push({ ...fault, agents });
  });
  return setFaults(scenario, faults);
}

function withPartitionsFitted(scenario: Scenario, removals: string[]): Scenario {
  const { n } = scenario;
  const partitions: Partition[] = [];
  (scenario.network?.partitions ?? []).forEach((partition, index) => {
    const label = `partition ${index + 1}`;
    const beyond = partition.groups.flat().filter((agent) => agent >= n);
    if (beyond.length === 0) return void partitions.push(partition);
    const groups = partition.groups
      .map((group) => group.filter((agent) => agent < n))
      .filter((group, groupIndex) => group.length > 0 || partition.groups[groupIndex]!.length === 0);
    const placed = groups.flat().length;
    const sides = groups.length + (placed < n ? 1 : 0);
    if (sides < 2) {
      removals.push(`Removes ${label}: without ${agentNames(beyond)} it separates no one.`);
      return;
    }
    removals.push(`Removes ${agentNames(beyond)} from ${label}: beyond n = ${n}.`);
    partitions.push({ ...partition, groups });
  });
  return setPartitions(scenario, partitions);
}

/** Opinion texts, council weights and recorded actions that name agents beyond n. */
function withAgentDataFitted(scenario: Scenario, removals: string[]): Scenario {
  const { n } = scenario;
  let result = scenario;
  const texts = scenario.opinions?.texts;
  if (texts) {
    const kept = Object.entries(texts).filter(([key]) => Number(key) < n);
    if (kept.length < Object.keys(texts).length) {
      removals.push(`Removes the fixed opinion texts of agents beyond n = ${n}.`);
      result = setPath(result, ['opinions', 'texts'], Object.fromEntries(kept), {});
    }
  }
  const weights = scenario.council?.weights;
  if (weights && weights.length !== n && scenario.protocol === 'council') {
    const fitted = Array.from({ length: n }, (_x, agent) => weights[agent] ?? defaults.weight);
    removals.push(
      weights.length > n
        ? `Removes the council weights of agents beyond n = ${n}.`
        : `Gives the new agents a${weights.length}… council weight ${defaults.weight}.`,
    );
    result = setPath(result, ['council', 'weights'], fitted);
  }
  const actions = scenario.actions ?? [];
  const keptActions = actions.filter((action) => action.agent === undefined || action.agent < n);
  if (keptActions.length < actions.length) {
    const dropped = actions.length - keptActions.length;
    removals.push(`Removes ${dropped} recorded manual action(s) of agents beyond n = ${n}.`);
    result = setPath(result, ['actions'], keptActions, []);
  }
  return result;
}
