import { preset, presetNames } from './src/core/sim/presets/index.ts';
import { runScenario } from './src/core/sim/runScenario.ts';
import { simulateCouncil } from './src/core/sim/runCouncilScenario.ts';
import { traceHash } from './src/core/sim/engine/traceHash.ts';
for (const name of presetNames) {
  const s = preset(name).scenario;
  const h = s.protocol === 'council' ? traceHash(simulateCouncil(s).events) : runScenario(s).summary.traceHash;
  console.log(name, h);
}
