// Starts code-server (VS Code 1.139 for the browser) with its own fresh state folder and port, and
// stops it by PID. Every process it starts is killed as a group, also when the caller fails, is
// interrupted or exits.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { cacheRoot, freePort, log } = require('./common');

/** Settings that keep a test workbench quiet and deterministic. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.useModal': 'off',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

const running = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function killAllNow() {
  for (const child of running) {
    killGroup(child, 'SIGKILL');
  }
  running.clear();
}
process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killAllNow();
    process.exit(130);
  });
}

/** A fresh folder for one run's state (user data, extensions, XDG folders, logs). */
function makeRunFolder(label) {
  const root = path.join(cacheRoot(), '..', 'runs');
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, `${label}-`));
}

function codeServerEnv(runFolder) {
  const env = { ...process.env };
  for (const name of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME']) {
    env[name] = path.join(runFolder, name.toLowerCase());
    fs.mkdirSync(env[name], { recursive: true });
  }
  // Nothing from the developer's own VS Code settings or the npm environment leaks in.
  env.HOME = runFolder;
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.NODE_OPTIONS;
  return env;
}

/** Installs `.vsix` files into the run's extensions folder with code-server's own CLI. */
function installExtensions(paths, runFolder, vsixFiles) {
  for (const vsix of vsixFiles) {
    const result = spawnSync(
      paths.nodeBinary,
      [
        paths.codeServerEntry,
        '--user-data-dir', path.join(runFolder, 'user-data'),
        '--extensions-dir', path.join(runFolder, 'extensions'),
        '--install-extension', vsix,
      ],
      { env: codeServerEnv(runFolder), encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new Error(`code-server could not install ${vsix}:\n${result.stdout}\n${result.stderr}`);
    }
  }
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited early with code ${child.exitCode}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/**
 * @param {{ nodeBinary: string, codeServerEntry: string }} paths from install()
 * @param {{ label: string, folder: string (a folder, or a `.code-workspace` file), settings?: object, vsixFiles?: string[], locale?: string, testDriver?: boolean, restricted?: boolean }} options
 */
async function startCodeServer(paths, options) {
  const runFolder = makeRunFolder(options.label);
  const userData = path.join(runFolder, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        ...quietSettings,
        // A restricted (untrusted) workspace for the tests of what the extension declares for it.
        ...(options.restricted
          ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' }
          : {}),
        ...(options.settings || {}),
      },
      null,
      2,
    ),
  );
  if (options.locale) {
    fs.writeFileSync(path.join(userData, 'User', 'argv.json'), JSON.stringify({ locale: options.locale }));
  }
  installExtensions(paths, runFolder, options.vsixFiles || []);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(runFolder, 'code-server.log');
  const logFd = fs.openSync(logFile, 'w');
  const child = spawn(
    paths.nodeBinary,
    [
      paths.codeServerEntry,
      '--config', path.join(runFolder, 'config.yaml'),
      '--user-data-dir', userData,
      '--extensions-dir', path.join(runFolder, 'extensions'),
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.restricted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--reconnection-grace-time', '5',
      // The test driver lets the harness run the suite and read its exit code; it also hides toasts,
      // so a workbench for people (npm start) runs without it.
      ...(options.testDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
      ...(options.locale ? ['--locale', options.locale] : []),
      options.folder,
    ],
    { env: codeServerEnv(runFolder), stdio: ['ignore', logFd, logFd], detached: true },
  );
  fs.closeSync(logFd);
  running.add(child);

  let stopped = false;
  async function stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    killGroup(child, 'SIGTERM');
    const exited = child.exitCode !== null || (await Promise.race([
      new Promise((resolve) => child.once('exit', () => resolve(true))),
      new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
    ]));
    if (!exited) {
      killGroup(child, 'SIGKILL');
    }
    // Stray children (extension host, file watcher) share the group; make sure none is left.
    killGroup(child, 'SIGKILL');
    running.delete(child);
  }

  try {
    await waitForHealth(url, child, 60000);
  } catch (error) {
    await stop();
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${error instanceof Error ? error.message : error}\n--- code-server log (last lines) ---\n${tail}`);
  }
  log(`code-server ${url} (pid ${child.pid}) serving ${options.folder}`);
  return { url, port, pid: child.pid, runFolder, logFile, stop };
}

/** A fresh workspace folder for a run, seeded from test/fixtures/workspace. */
function makeWorkspace(runLabel) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `collab-coach-${runLabel}-ws-`));
  const fixtures = path.join(__dirname, '..', 'fixtures', 'workspace');
  if (fs.existsSync(fixtures)) {
    fs.cpSync(fixtures, folder, { recursive: true });
  }
  return folder;
}

/**
 * A fresh multi-root workspace for a run: a `.code-workspace` file beside its folders, the first
 * seeded from test/fixtures/workspace (so suites reading `workspaceFolders[0]` see what a one-folder
 * run shows them), the others empty for the suites to fill. Returns the workspace file (what
 * code-server opens) and the parent folder (what the run removes afterwards).
 */
function makeMultiRootWorkspace(runLabel, folderNames = ['main', 'second']) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `collab-coach-${runLabel}-multi-`));
  const fixtures = path.join(__dirname, '..', 'fixtures', 'workspace');
  folderNames.forEach((name, index) => {
    const folder = path.join(root, name);
    if (index === 0 && fs.existsSync(fixtures)) {
      fs.cpSync(fixtures, folder, { recursive: true });
    } else {
      fs.mkdirSync(folder, { recursive: true });
    }
  });
  const workspaceFile = path.join(root, `${runLabel}.code-workspace`);
  fs.writeFileSync(workspaceFile, JSON.stringify({ folders: folderNames.map((name) => ({ path: name })), settings: {} }, null, 2));
  return { root, workspaceFile };
}

module.exports = { startCodeServer, makeWorkspace, makeMultiRootWorkspace, quietSettings };
