import { presetNames, preset, runScenario } from './src/core/sim';
import { withBroadcastsExpanded } from './src/core/sim/engine/broadcastCopies';
import { canonicalJson } from './src/core/canonicalJson';
const old = await import('/tmp/oldtree/src/core/sim/index.ts');
for (const name of presetNames) {
  if (process.argv[2] && name !== process.argv[2]) continue;
  const a = await old.runScenario(old.preset(name).scenario);
  const b = await runScenario(preset(name).scenario);
  const ea = (a.trace as any[]).map(canonicalJson);
  const eb = withBroadcastsExpanded(b.trace as any).map(canonicalJson);
  let diff = -1;
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) if (ea[i] !== eb[i]) { diff = i; break; }
  console.log(name, ea.length, eb.length, (b.trace as any[]).length, diff === -1 ? 'same' : `differs at ${diff}: ${ea[diff]} vs ${eb[diff]}`);
}
