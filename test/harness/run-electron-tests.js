// The extension-host suite under desktop VS Code, downloaded by @vscode/test-electron.
// Needs the network (it downloads VS Code); on the offline machines use `npm run test:host`.
// Runs on the minimum version engines.vscode allows and on the current stable release.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { repoRoot } = require('./common');

const minimumVersion = require(path.join(repoRoot, 'package.json')).engines.vscode.replace(/^[^\d]*/, '');

async function main() {
  const versions = process.env.COLLAB_COACH_VSCODE_VERSIONS ? process.env.COLLAB_COACH_VSCODE_VERSIONS.split(',') : [minimumVersion, 'stable'];
  for (const version of versions) {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'collab-coach-electron-ws-'));
    fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    console.log(`[harness] extension-host suite on VS Code ${version}`);
    try {
      await runTests({
        version,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: path.join(repoRoot, 'out', 'test', 'host', 'index.js'),
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      });
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(`extension-host suite under @vscode/test-electron failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
