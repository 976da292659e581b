// Runs the mocha suite in out/test/host inside a real VS Code extension host: code-server's Node
// host, with this repository loaded as the extension under development. Exit code 0 = all passed.
// The window is a multi-root workspace (the fixture folder first, then an empty one), so every
// suite also runs where plans can live in several folders; test/host/multiRoot.test.ts uses both.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { spawnSync } = require('node:child_process');
const { install } = require('./install');
const { startCodeServer, makeMultiRootWorkspace } = require('./codeServer');
const { launchBrowser, developmentUrl } = require('./browser');
const { repoRoot, log } = require('./common');

// The suite's reporter prefixes its lines (test/host/index.ts); the workbench's own logging is noise
// unless it speaks of this extension.
const REPORT_PREFIX = '[host-test] ';
const ownLog = /collab ?coach|collabCoach|qianjinshe/i;

async function main() {
  const build = spawnSync(process.execPath, ['esbuild.js', '--tests'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new Error('build failed');
  }
  const paths = install();
  const { root: workspaceRoot, workspaceFile } = makeMultiRootWorkspace('host');
  const server = await startCodeServer(paths, { label: 'host', folder: workspaceFile, settings: { 'collabCoach.language': 'en' } });
  const browser = await launchBrowser();
  const timeoutMs = Number(process.env.COLLAB_COACH_HOST_TIMEOUT_MS || 300000);
  let exitCode = 1;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args])).replace(/%c/g, '').replace(/color: #[0-9a-f]+ ?/gi, '');
      const at = line.indexOf(REPORT_PREFIX);
      if (at >= 0) {
        console.log(line.slice(at + REPORT_PREFIX.length));
      } else if (process.env.VERBOSE || ownLog.test(line)) {
        console.log(`  [host log] ${line.split('\n').slice(0, 6).join('\n')}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('pageerror', (error) => console.log(`[page error] ${error}`));
    await page.goto(developmentUrl(server.url, workspaceFile, repoRoot, path.join(repoRoot, 'out', 'test', 'host', 'index.js')));
    const code = await Promise.race([
      finished,
      new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs)),
    ]);
    if (code === 'timeout') {
      console.error(`extension-host tests did not finish within ${timeoutMs} ms`);
      fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'test-results', 'host-timeout.png') }).catch(() => undefined);
    }
    exitCode = code === 0 ? 0 : 1;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    if (exitCode !== 0) {
      console.error(`code-server log: ${server.logFile}`);
    } else {
      fs.rmSync(server.runFolder, { recursive: true, force: true });
    }
    fs.rmSync(workspaceRoot, { recursive: true, force: true });
  }
  return exitCode;
}

main().then(
  (code) => {
    log(code === 0 ? 'extension-host layer passed' : 'extension-host layer FAILED');
    process.exit(code);
  },
  (error) => {
    console.error(`extension-host layer could not run: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
