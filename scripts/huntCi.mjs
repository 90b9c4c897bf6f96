// The CI budget of the fault-space search (SPEC §9), about 2 to 3 minutes on 2 cores:
// random seeds and an even sample of the exhaustive space in safe mode (each must find
// nothing), random seeds with accountability and forged accusations (nothing: no honest agent
// quarantined, every holding proof's quarantine by its deadline), and two self-tests (unsafe
// membership must find its agreement violation, the proof check off an honest quarantine).
// The jobs run in parallel, and each gets its share of the cores as worker threads (at least
// one: on 2 cores every job runs in its own thread); each job's output is printed when it ends.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const jobs = [
  { args: ['--seeds', '1..500'], expect: 'nothing' },
  { args: ['--exhaustive', '--limit', '1000'], expect: 'nothing' },
  { args: ['--seeds', '1..25', '--unsafe', 'membership'], expect: 'found' },
  { args: ['--seeds', '1..300', '--accountability'], expect: 'nothing' },
  { args: ['--seeds', '1..10', '--unsafe', 'proofCheck'], expect: 'found' },
];

const workers = String(Math.max(1, Math.floor(availableParallelism() / jobs.length)));

function run({ args, expect }) {
  return new Promise((resolve) => {
    const argv = ['--import', 'tsx', 'src/cli/hunt.ts', ...args, '--workers', workers];
    const child = spawn(process.execPath, argv, {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      process.stdout.write(`$ npm run --silent hunt -- ${args.join(' ')}\n${output}`);
      const selfTestPassed = / expects [a-z-]+: found;/.test(output);
      const ok = expect === 'nothing' ? code === 0 : code !== 2 && code !== 3 && selfTestPassed;
      resolve(ok ? 0 : code === 2 || code === 3 ? code : 1);
    });
  });
}

const codes = await Promise.all(jobs.map(run));
const failed = codes.filter((code) => code !== 0).length;
console.log(failed === 0 ? 'hunt:ci: ok' : `hunt:ci: ${failed} of ${jobs.length} jobs failed`);
process.exit(Math.max(...codes));
