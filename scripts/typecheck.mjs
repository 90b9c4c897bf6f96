// Typechecks each layer with its own tsconfig, so src/core compiles with no DOM or worker
// types and a DOM call in the worker fails to compile. Runs them in parallel (2 cores here).
import { spawn } from 'node:child_process';

const projects = ['tsconfig.core.json', 'tsconfig.worker.json', 'tsconfig.app.json', 'tsconfig.node.json'];

const results = await Promise.all(
  projects.map(
    (project) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => resolve({ project, code, output }));
      }),
  ),
);

let failed = false;
for (const { project, code, output } of results) {
  if (code === 0) {
    console.log(`typecheck ${project}: ok`);
  } else {
    failed = true;
    console.error(`typecheck ${project}: failed\n${output}`);
  }
}
process.exit(failed ? 1 : 0);
