// End to end: packages the extension, installs the .vsix into a fresh code-server, and runs the
// playwright specs in out/test/e2e against it in Debian's Chromium. Screenshots go to
// test-results/screenshots (git-ignored).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { install } = require('./install');
const { startCodeServer, makeWorkspace } = require('./codeServer');
const { repoRoot, log } = require('./common');

function runOrThrow(command, args, what) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status})`);
  }
}

async function main() {
  runOrThrow('npm', ['run', '--silent', 'package'], 'packaging the .vsix');
  runOrThrow(process.execPath, ['esbuild.js', '--tests'], 'building the tests');
  const paths = install();
  const folder = makeWorkspace('e2e');
  const server = await startCodeServer(paths, {
    label: 'e2e',
    folder,
    vsixFiles: [path.join(repoRoot, 'collab-coach.vsix')],
    settings: { 'collabCoach.language': 'zh-cn', 'workbench.colorTheme': 'Default Light Modern' },
  });
  // A second workbench whose folder stays untrusted (Restricted Mode), with a team note and a team template in it.
  const restrictedFolder = makeWorkspace('e2e-restricted');
  for (const [folderName, body] of [['notes', '# Team note\n\nShown only in a trusted workspace.\n'], ['templates', '---\nname: Team template\ndescription: from the workspace\n---\n${1:question}\n']]) {
    fs.mkdirSync(path.join(restrictedFolder, '.collab', folderName), { recursive: true });
    fs.writeFileSync(path.join(restrictedFolder, '.collab', folderName, 'team.md'), body);
  }
  let restricted;
  let code = 1;
  try {
    restricted = await startCodeServer(paths, {
      label: 'e2e-restricted',
      folder: restrictedFolder,
      vsixFiles: [path.join(repoRoot, 'collab-coach.vsix')],
      settings: { 'collabCoach.language': 'en' },
      restricted: true,
    });
    const mocha = spawnSync(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'),
        '--config', path.join('test', 'e2e', '.mocharc.json'),
        // COLLAB_COACH_E2E_GREP runs only the specs whose titles match, when working on one.
        ...(process.env.COLLAB_COACH_E2E_GREP ? ['--grep', process.env.COLLAB_COACH_E2E_GREP] : []),
      ],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        env: {
          ...process.env,
          COLLAB_COACH_E2E_URL: server.url,
          COLLAB_COACH_E2E_FOLDER: folder,
          COLLAB_COACH_E2E_RESTRICTED_URL: restricted.url,
          COLLAB_COACH_E2E_RESTRICTED_FOLDER: restrictedFolder,
          COLLAB_COACH_SCREENSHOTS: process.env.COLLAB_COACH_SCREENSHOTS || path.join(repoRoot, 'test-results', 'screenshots'),
        },
      },
    );
    code = mocha.status ?? 1;
  } finally {
    for (const started of [server, restricted]) {
      if (!started) {
        continue;
      }
      await started.stop();
      if (code !== 0) {
        console.error(`code-server log: ${started.logFile}`);
      } else {
        fs.rmSync(started.runFolder, { recursive: true, force: true });
      }
    }
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(restrictedFolder, { recursive: true, force: true });
  }
  return code;
}

main().then(
  (code) => {
    log(code === 0 ? 'end-to-end layer passed' : 'end-to-end layer FAILED');
    process.exit(code);
  },
  (error) => {
    console.error(`end-to-end layer could not run: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
