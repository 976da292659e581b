// Builds the extension host bundles, the webview page script and the test bundles.
//   node esbuild.js               development build (sourcemaps)
//   node esbuild.js --production  minified, no sourcemaps (what `npm run package` ships)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also bundle test/unit and test/host into out/
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/**
 * Modules loaded only on first use (a dynamic `import()`, or a `require()` where a caller needs the
 * module synchronously), each by a short name. This is the one list: the .vsix allowlist test and the
 * benchmark read it from here.
 *
 * Both hosts share one copy of the feature code. The browser bundle, dist/web/extension.js, holds
 * the whole extension (markdown-it included) and exports `lazyModules`: name → a function that
 * initializes that module on first call. The Node host's startup entry, dist/extension.js, holds
 * none of it: each lazy import there becomes a `require` of dist/web/extension.js and a call of
 * its `lazyModules` entry. So markdown-it, the plan model and the features ship once in the .vsix.
 * The few in `ownFileChunks` are small and needed in every session (the features behind
 * activation's registrations and the tip just after startup, the workspace look a few seconds
 * later): the Node host loads them as their own files, so that a session that never opens a plan
 * or the lesson never loads the rest.
 */
const lazyChunks = {
  'src/features.ts': 'features',
  'src/lesson/vscode/lessonFeature.ts': 'lesson',
  'src/plan/vscode/planFeature.ts': 'plan',
  'src/plan/vscode/coachFeature.ts': 'coach',
  'src/plan/vscode/templateCatalogue.ts': 'templates',
  'src/tips/vscode/dailyTip.ts': 'tip',
  'src/plan/vscode/planScanner.ts': 'scan',
  'src/plan/vscode/draftMessageCommand.ts': 'message',
  'src/plan/vscode/agentToolsFeature.ts': 'agent-tools',
  'src/plan/vscode/planPreview.ts': 'preview',
  'src/lesson/vscode/progress.ts': 'progress',
};
const ownFileChunks = new Set(['features', 'tip', 'scan']);

/**
 * Own-file chunks the Node entry imports statically (an `import` statement), by the functions it
 * calls. In the browser bundle, which holds everything, they stay plain imports: a `require()` there
 * would wrap the module and every module it imports in a lazy initializer (bytes, and a call each).
 * The Node build swaps each for a stub whose functions require the chunk's file on their first call.
 */
const deferredImports = { features: ['createFeatures'] };

/** The browser bundle, which the Node host also loads for every lazy module not in `ownFileChunks`. */
const COMPLETE_BUNDLE = 'web/extension.js';

/**
 * dist/package.json: when Node loads a CommonJS file it reads the nearest package.json for its
 * "type". Without this one that is the extension's 19 KB manifest, parsed during the entry's
 * require (about 0.2 ms, measured in test/bench/startup-child.js); with it, these few bytes.
 */
const PACKAGE_SCOPE = { file: 'package.json', text: '{"type":"commonjs"}\n' };

/** Every file of the Node build in dist/, the startup entry first (dist/web/extension.js besides). */
const nodeBundleFiles = ['extension.js', ...[...ownFileChunks].map((name) => `${name}.js`), PACKAGE_SCOPE.file];

function lazyChunkOf(resolveDir, request) {
  for (const ext of ['.ts', '']) {
    const relative = path.relative(__dirname, path.resolve(resolveDir, request + ext)).split(path.sep).join('/');
    if (lazyChunks[relative]) {
      return lazyChunks[relative];
    }
  }
  return undefined;
}

/** @type {import('esbuild').Plugin} The Node build: lazy modules stay out of the startup entry. */
const lazyChunkPlugin = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const chunk = lazyChunkOf(args.resolveDir, args.path);
      if (chunk && args.kind === 'import-statement' && deferredImports[chunk]) {
        return { path: chunk, namespace: 'deferred-import' };
      }
      if (!chunk || (args.kind !== 'dynamic-import' && args.kind !== 'require-call')) {
        return undefined;
      }
      return { path: chunk, namespace: ownFileChunks.has(chunk) ? 'own-file' : 'from-complete-bundle' };
    });
    build.onLoad({ filter: /.*/, namespace: 'deferred-import' }, (args) => ({
      contents: deferredImports[args.path]
        .map((name) => `export function ${name}(...args) { return require(${JSON.stringify(`./${args.path}.js`)}).${name}(...args); }`)
        .join('\n'),
      loader: 'js',
    }));
    build.onLoad({ filter: /.*/, namespace: 'from-complete-bundle' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify('./' + COMPLETE_BUNDLE)}).lazyModules[${JSON.stringify(args.path)}]();`,
      loader: 'js',
    }));
    // A `require` of its file, even where the source says `import()`: Node's dynamic import of a
    // CommonJS file goes through the ES module loader (started on first use, and the file lexed for
    // its exports), which cost more than the tip itself at startup.
    build.onLoad({ filter: /.*/, namespace: 'own-file' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./${args.path}.js`)});`,
      loader: 'js',
    }));
    for (const namespace of ['from-complete-bundle', 'own-file', 'deferred-import']) {
      build.onResolve({ filter: /^\.\/[\w/-]+\.js$/, namespace }, (args) => ({ path: args.path, external: true }));
    }
  },
};

/**
 * Reads `import * as vscode from 'vscode'` in our sources as the default import of one module of
 * the bundle that requires 'vscode' once:
 * - the same API object, without esbuild's ES-module wrapper, which copies every one of the API's
 *   ~400 names into a new object for each importing module (36 of them in the feature bundle: tens
 *   of milliseconds the first time it loads) and puts a getter in front of every later `vscode.x`;
 * - one `require('vscode')` per bundle, not one per module: each goes through the host's module
 *   loader, which finds the calling extension by its path (6 of them in the startup entry).
 */
const VSCODE_NAMESPACE_IMPORT = /^import \* as vscode from 'vscode';$/m;
const VSCODE_API_MODULE = 'collab-coach:vscode-api';
/** @type {import('esbuild').Plugin} */
const vscodeApiPlugin = {
  name: 'vscode-api-direct',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!VSCODE_NAMESPACE_IMPORT.test(text)) {
        return undefined;
      }
      return { contents: text.replace(VSCODE_NAMESPACE_IMPORT, `import vscode from '${VSCODE_API_MODULE}';`), loader: 'ts' };
    });
    build.onResolve({ filter: /^collab-coach:vscode-api$/ }, () => ({ path: 'vscode', namespace: 'vscode-api' }));
    // An ES module, which esbuild inlines where it is first needed: as CommonJS (`module.exports = …`)
    // it came wrapped in esbuild's module helper, called once.
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "const api = require('vscode');\nexport default api;", loader: 'js' }));
    build.onResolve({ filter: /^vscode$/, namespace: 'vscode-api' }, () => ({ path: 'vscode', external: true }));
  },
};

/** The browser bundle's entry: the extension's activate, plus the lazy modules the Node host loads from it. */
const completeBundleEntry = {
  contents: [
    "export { activate, deactivate } from './src/extension';",
    'export const lazyModules = {',
    // Not the own-file chunks: the Node host loads those from their own files.
    ...Object.entries(lazyChunks)
      .filter(([, name]) => !ownFileChunks.has(name))
      .map(([source, name]) => `  ${JSON.stringify(name)}: () => require(${JSON.stringify('./' + source)}),`),
    '};',
  ].join('\n'),
  resolveDir: __dirname,
  sourcefile: 'complete-bundle.ts',
  loader: 'ts',
};

/** Prints errors in the shape the `$esbuild-watch` problem matcher reads. */
/** @type {import('esbuild').Plugin} */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => {
      console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Keeps markdown-it's weight to what we use, in both the Node and the browser bundle: named HTML
 * entities come from a table of the common ones instead of the 47 KB HTML5 table (see
 * src/lesson/namedEntities.ts), and linkify-it, which `linkify: false` never calls, is inert.
 */
const alias = {
  entities: './src/lesson/namedEntities.ts',
  'linkify-it': './src/lesson/linkifyDisabled.ts',
};

const common = {
  alias,
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  legalComments: 'none',
  plugins: [problemMatcherPlugin],
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: {
      extension: 'src/nodeEntry.ts',
      ...Object.fromEntries(Object.entries(lazyChunks).filter(([, name]) => ownFileChunks.has(name)).map(([source, name]) => [name, source])),
    },
    outdir: 'dist',
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    external: ['vscode'],
    plugins: [lazyChunkPlugin, vscodeApiPlugin, problemMatcherPlugin],
  },
  {
    ...common,
    stdin: completeBundleEntry,
    outfile: `dist/${COMPLETE_BUNDLE}`,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    plugins: [vscodeApiPlugin, problemMatcherPlugin],
  },
  {
    ...common,
    entryPoints: { 'webview/lesson': 'src/webview/lesson.ts' },
    outdir: 'dist',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'src/webview/tsconfig.json',
  },
];

function testEntries(folder) {
  const dir = path.join(__dirname, 'test', folder);
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join('test', folder, f));
}

/** A test folder bundled for Node, each file its own entry, with the given modules left external. */
function testBuild(folder, external) {
  return {
    ...common,
    minify: false,
    sourcemap: true,
    entryPoints: testEntries(folder),
    outdir: `out/test/${folder}`,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    external,
  };
}

if (tests) {
  builds.push(
    testBuild('unit', ['vscode', 'mocha']),
    testBuild('host', ['vscode', 'mocha']),
    testBuild('e2e', ['playwright-core', 'mocha']),
  );
}

async function main() {
  if (!watch) {
    // Only what this build writes: a chunk renamed or dropped must not linger (and ship in the .vsix).
    fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'dist', PACKAGE_SCOPE.file), PACKAGE_SCOPE.text);
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  try {
    const results = await Promise.all(contexts.map((context) => context.rebuild()));
    const errors = results.reduce((count, result) => count + result.errors.length, 0);
    if (errors > 0) {
      process.exitCode = 1;
    }
  } catch {
    // The problem matcher plugin has already printed the errors.
    process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
}

module.exports = { lazyChunks, ownFileChunks, nodeBundleFiles, COMPLETE_BUNDLE };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
