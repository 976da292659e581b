// Builds the web layer's test bundle: test/web/index.ts → out/test/web/index.js, one CommonJS file
// for the web-worker extension host (no Node built-ins; `vscode` comes from the host).
//   node test/web/build.js
// The extension's own browser build (dist/web/extension.js) comes from esbuild.js.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * Extension-host test files (test/host/*.test.ts) the web layer does not load, and why. The build
 * fails when a file there is neither loaded by test/web/index.ts nor listed here, so whether a new
 * host suite runs in the browser is a decision, not an accident.
 */
const hostSuitesNotOnTheWeb = {
  'multiRoot.test.ts':
    'needs a multi-root window: @vscode/test-web 0.0.81 opens its mounted folder as the workspace (its runner loads the page without ?workspace=), so this suite runs on the code-server host layer, which opens a .code-workspace',
};

/** Every host suite is either loaded by test/web/index.ts or listed above; returns the problems. */
function checkHostSuites() {
  const index = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');
  const loaded = new Set([...index.matchAll(/import\(\s*'\.\.\/host\/([^']+)'\s*\)/g)].map((match) => `${match[1]}.ts`));
  const problems = [];
  for (const file of fs.readdirSync(path.join(repoRoot, 'test', 'host')).filter((name) => name.endsWith('.test.ts')).sort()) {
    if (loaded.has(file) && hostSuitesNotOnTheWeb[file]) {
      problems.push(`test/host/${file} is loaded by test/web/index.ts and also listed as not on the web in test/web/build.js`);
    } else if (!loaded.has(file) && !hostSuitesNotOnTheWeb[file]) {
      problems.push(`test/host/${file} is new: load it in test/web/index.ts, or say in test/web/build.js why it cannot run on the web`);
    }
  }
  for (const file of loaded) {
    if (!fs.existsSync(path.join(repoRoot, 'test', 'host', file))) {
      problems.push(`test/web/index.ts loads ../host/${file}, which does not exist`);
    }
  }
  return problems;
}

async function buildWebTests() {
  const problems = checkHostSuites();
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
  const assertShim = path.join(__dirname, 'assert.ts');
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: { index: 'test/web/index.ts' },
    outdir: 'out/test/web',
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    // The tests run in a web worker: packages with a worker build (markdownlint's entity decoder)
    // must not get their DOM one, which needs `document`.
    conditions: ['worker'],
    external: ['vscode'],
    // The extension-host tests import Node's assert; a web worker has none.
    alias: { 'node:assert/strict': assertShim, 'node:assert': assertShim, assert: assertShim },
    define: { COLLAB_COACH_WEB_GREP: JSON.stringify(process.env.COLLAB_COACH_WEB_GREP || '') },
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'silent',
  });
}

module.exports = { buildWebTests, hostSuitesNotOnTheWeb };

if (require.main === module) {
  buildWebTests().then(
    () => console.log('built out/test/web/index.js'),
    (error) => {
      // esbuild's error message already lists every problem with its location.
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
