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
 * Modules the Node host loads only on first use. Each becomes its own file in dist/, and every
 * dynamic `import()` of it from another bundle stays a runtime `require` of that file, so the
 * startup entry never carries markdown-it or the plan tools. The browser build keeps one bundle.
 * This is the one list of chunks: the .vsix allowlist test and the benchmark read it from here.
 */
const lazyChunks = {
  'src/lesson/vscode/lessonFeature.ts': 'lesson.js',
  'src/plan/vscode/planFeature.ts': 'plan.js',
  'src/plan/vscode/coachFeature.ts': 'coach.js',
  'src/tips/vscode/dailyTip.ts': 'tip.js',
  'src/plan/vscode/planScanner.ts': 'scan.js',
  'src/plan/vscode/planCore.ts': 'plan-core.js',
  'src/plan/vscode/agentToolsFeature.ts': 'agent-tools.js',
};

/**
 * The plan room's shared chunk: every module `src/plan/vscode/planCore.ts` re-exports. A static
 * import of one of them from a module outside the set becomes a `require` of plan-core.js; imports
 * among them stay inside the chunk. So the plan model, snippet parser and templates ship once.
 */
const PLAN_CORE_ENTRY = 'src/plan/vscode/planCore.ts';
const planCoreModules = new Set(
  [...fs.readFileSync(path.join(__dirname, PLAN_CORE_ENTRY), 'utf8').matchAll(/^export \* from '([^']+)';$/gm)].map((match) =>
    path.relative(__dirname, path.resolve(path.dirname(path.join(__dirname, PLAN_CORE_ENTRY)), match[1] + '.ts')).split(path.sep).join('/'),
  ),
);
planCoreModules.add(PLAN_CORE_ENTRY);

/**
 * Libraries several chunks share, each shipped once as its own file: a static import of one
 * from any chunk becomes a `require` of that file, loaded with the first chunk that needs it.
 * markdown-it is read by the lesson, the templates and the coach alike.
 */
const sharedLibraries = {
  'markdown-it': 'markdown-it.js',
};

/** Every file of the Node build in dist/, the startup entry first. */
const nodeBundleFiles = ['extension.js', ...Object.values(lazyChunks), ...Object.values(sharedLibraries)];

/** @type {import('esbuild').Plugin} */
const lazyChunkPlugin = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') {
        return undefined;
      }
      for (const ext of ['.ts', '']) {
        const absolute = path.resolve(args.resolveDir, args.path + ext);
        const relative = path.relative(__dirname, absolute).split(path.sep).join('/');
        const chunk = lazyChunks[relative];
        if (chunk) {
          return { path: './' + chunk, external: true };
        }
      }
      return undefined;
    });
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'import-statement') {
        return undefined;
      }
      const importer = path.relative(__dirname, args.importer).split(path.sep).join('/');
      if (planCoreModules.has(importer)) {
        return undefined; // Inside the shared chunk: bundled with it.
      }
      for (const ext of ['.ts', '']) {
        const target = path.relative(__dirname, path.resolve(args.resolveDir, args.path + ext)).split(path.sep).join('/');
        if (planCoreModules.has(target)) {
          return { path: './plan-core.js', external: true };
        }
      }
      return undefined;
    });
    const libraryFilter = new RegExp(`^(${Object.keys(sharedLibraries).map((name) => name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter: libraryFilter }, (args) => {
      if (args.kind === 'entry-point') {
        return undefined;
      }
      return { path: './' + sharedLibraries[args.path], external: true };
    });
  },
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
      extension: 'src/extension.ts',
      ...Object.fromEntries(Object.entries(lazyChunks).map(([src, out]) => [out.replace(/\.js$/, ''), src])),
      ...Object.fromEntries(Object.entries(sharedLibraries).map(([library, out]) => [out.replace(/\.js$/, ''), library])),
    },
    outdir: 'dist',
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    external: ['vscode'],
    plugins: [lazyChunkPlugin, problemMatcherPlugin],
  },
  {
    ...common,
    entryPoints: { 'web/extension': 'src/extension.ts' },
    outdir: 'dist',
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
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

module.exports = { lazyChunks, sharedLibraries, nodeBundleFiles };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
