import { preset } from './src/core/sim/presets/index.ts';
import { runScenario } from './src/core/sim/runScenario.ts';
for (const name of ['evidence-to-quarantine', 'false-accusation'] as const) {
  const run = runScenario({ ...preset(name).scenario, actions: [{ tick: 5, do: 'drop-next', agent: 1 }] });
  console.log(name, run.trace.filter((e: any) => ['proofSubmitted', 'accusationTallied', 'quarantineExecuted'].includes(e.kind)).map((e: any) => `${e.kind}@${e.t}`).join(' '));
}
