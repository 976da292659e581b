// `npm run screenshots`: runs the end-to-end layer and copies the pictures the README shows into
// docs/images, so they always come from a real run.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { repoRoot, log } = require('./common');

const readmeImages = [
  'lesson-sidebar-zh.png',
  'lesson-sidebar-en.png',
  'lesson-panel-light.png',
  'lesson-panel-dark.png',
  'tip-tooltip.png',
  'plan-inserted.png',
  'plan-checker-problems.png',
  'lesson-progress.png',
  'walkthrough.png',
  'plans-view-section.png',
  'checkin-reminder.png',
  'plans-problems-code.png',
  'message-draft.png',
  'plan-preview.png',
  'agent-tools.png',
];

const shots = path.join(repoRoot, 'test-results', 'screenshots');
fs.rmSync(shots, { recursive: true, force: true });
const run = spawnSync(process.execPath, [path.join(__dirname, 'run-e2e.js')], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, COLLAB_COACH_SCREENSHOTS: shots },
});
if (run.status !== 0) {
  console.error('the end-to-end run failed; docs/images left as it was');
  process.exit(1);
}
const target = path.join(repoRoot, 'docs', 'images');
fs.mkdirSync(target, { recursive: true });
const missing = [];
for (const name of readmeImages) {
  const source = path.join(shots, name);
  if (fs.existsSync(source)) {
    fs.copyFileSync(source, path.join(target, name));
  } else {
    missing.push(name);
  }
}
log(`copied ${readmeImages.length - missing.length} screenshots to docs/images`);
if (missing.length > 0) {
  console.error(`not produced by the run: ${missing.join(', ')}`);
  process.exit(1);
}
