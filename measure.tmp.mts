import { preset } from './src/core/sim/presets/index.ts';
import { runScenario } from './src/core/sim/runScenario.ts';
const base = preset('evidence-to-quarantine').scenario;
console.log(JSON.stringify(base.faults), JSON.stringify(base.network));
const rows = [];
for (const n of [7, 13, 25, 49]) {
  for (const latency of [[1, 1], [1, 3], [2, 6], [4, 8]]) {
    const half = Math.floor(n / 2);
    const s = { ...base, n, network: { ...base.network, latency }, faults: base.faults };
    const run = runScenario(s);
    const ev = run.trace;
    const proof = ev.find((e) => e.kind === 'proofSubmitted');
    const q = ev.find((e) => e.kind === 'quarantineExecuted');
    rows.push({ n, latency: latency.join('-'), proofTick: proof?.t, proofRound: proof?.roundNo, quarantineTick: q?.t, ticks: q && proof ? q.t - proof.t : null, fromRound: q?.fromRound, roundsAfter: q && proof ? q.roundNo - proof.roundNo : null, deadline: proof?.deadline });
  }
}
console.table(rows);
