// `npm start`: builds the extension and opens it in a real VS Code. Where `code` is on PATH, an
// Extension Development Host; otherwise code-server with the packaged extension installed and a
// sample workspace, on 127.0.0.1. Ctrl-C stops everything it started.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { install } = require('./install');
const { startCodeServer } = require('./codeServer');
const { repoRoot, cacheRoot, log } = require('./common');

function hasDesktopCode() {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 && !process.env.COLLAB_COACH_USE_CODE_SERVER;
}

/** The sample workspace lives in the cache, so what you write in it survives the next `npm start`. */
function sampleWorkspace() {
  const folder = path.join(cacheRoot(), '..', 'sample-workspace');
  if (!fs.existsSync(folder)) {
    fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  }
  return folder;
}

async function main() {
  if (hasDesktopCode()) {
    if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) {
      process.exit(1);
    }
    log('opening an Extension Development Host in desktop VS Code');
    const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, sampleWorkspace()], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) {
    process.exit(1);
  }
  const paths = install();
  const folder = sampleWorkspace();
  const server = await startCodeServer(paths, {
    label: 'start',
    folder,
    vsixFiles: [path.join(repoRoot, 'collab-coach.vsix')],
    settings: {},
    testDriver: false,
  });
  console.log('');
  console.log(`  Collab Coach is running in VS Code (code-server): ${server.url}/?folder=${encodeURIComponent(folder)}`);
  console.log('  Open it in a browser on this machine. Press Ctrl-C to stop.');
  console.log('');
  const shutdown = async () => {
    await server.stop();
    fs.rmSync(server.runFolder, { recursive: true, force: true });
    process.exit(0);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
