// The extension-host suite under desktop VS Code, downloaded by @vscode/test-electron.
// Needs the network (it downloads VS Code); on the offline machines use `npm run test:host`.
// Runs on the minimum version engines.vscode allows and on the current stable release.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { repoRoot } = require('./common');
const { makeMultiRootWorkspace } = require('./codeServer');

const minimumVersion = require(path.join(repoRoot, 'package.json')).engines.vscode.replace(/^[^\d]*/, '');

async function main() {
  const versions = process.env.COLLAB_COACH_VSCODE_VERSIONS ? process.env.COLLAB_COACH_VSCODE_VERSIONS.split(',') : [minimumVersion, 'stable'];
  for (const version of versions) {
    // The multi-root workspace the code-server host layer opens too (test/host/multiRoot.test.ts needs it).
    const { root, workspaceFile } = makeMultiRootWorkspace('electron');
    console.log(`[harness] extension-host suite on VS Code ${version}`);
    try {
      await runTests({
        version,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: path.join(repoRoot, 'out', 'test', 'host', 'index.js'),
        launchArgs: [workspaceFile, '--disable-extensions', '--disable-workspace-trust'],
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(`extension-host suite under @vscode/test-electron failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
