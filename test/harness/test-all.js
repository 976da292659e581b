// `npm test`: type check and lint, then the three test layers in order — unit (plain Node),
// extension host (code-server), end to end (Chromium). Prints each layer's counts and a total.
'use strict';
const { spawn } = require('node:child_process');
const { repoRoot } = require('./common');

const steps = [
  { name: 'type check', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'unit', command: ['npm', 'run', '--silent', 'test:unit'], counted: true },
  { name: 'extension host', command: ['npm', 'run', '--silent', 'test:host'], counted: true },
  { name: 'web (VS Code 1.91)', command: ['npm', 'run', '--silent', 'test:web'], counted: true },
  { name: 'end to end', command: ['npm', 'run', '--silent', 'test:e2e'], counted: true },
];

function runStep(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.command[0], step.command.slice(1), { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk.toString();
        target.write(chunk);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('close', (code) => {
      // Mocha's spec reporter closes with "N passing" and, when any failed, "N failing".
      const count = (word) => {
        const matches = [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
        return matches.length ? Number(matches[matches.length - 1][1]) : 0;
      };
      resolve({ ...step, code, passed: count('passing'), failed: count('failing'), pending: count('pending'), seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function main() {
  const results = [];
  for (const step of steps) {
    console.log(`\n━━━ ${step.name} ━━━`);
    const result = await runStep(step);
    results.push(result);
    if (result.code !== 0 && process.env.COLLAB_COACH_KEEP_GOING !== '1' && !step.counted) {
      break;
    }
  }
  console.log('\n━━━ summary ━━━');
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    const status = result.code === 0 ? 'ok' : `FAILED (exit ${result.code})`;
    const counts = result.counted ? ` — ${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} pending` : ''}` : '';
    console.log(`${result.name.padEnd(20)} ${status}${counts} (${result.seconds.toFixed(1)} s)`);
    passed += result.passed;
    failed += result.failed;
    if (result.code !== 0 && result.failed === 0) {
      failed += 1; // A layer that could not run counts as a failure.
    }
  }
  for (const step of steps.slice(results.length)) {
    console.log(`${step.name.padEnd(20)} not run`);
    failed += 1;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && results.every((result) => result.code === 0) ? 0 : 1);
}

main();
