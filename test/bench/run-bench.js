// `npm run bench`: how much Collab Coach costs, each figure as a ratio against a reference measured
// in the same run (these machines are shared and noisy; absolute times mean little). Prints a table
// and writes it, with the machine and the date, to docs/benchmark.md. Never part of `npm test`.
//
//   npm run bench                    everything (about 4–5 minutes; the first run also installs code-server)
//   npm run bench -- --runs 6        more fresh code-server page loads (default 4)
//   npm run bench -- --rounds 4      more lesson/empty webview pairs per page load (default 3)
//   npm run bench -- --skip-host     only the Node rows (no code-server, no Chromium); docs/ is not written
//   npm run bench -- --host-only     only the real-host rows (activation, lesson paint); docs/ is not written
//   npm run bench -- --no-write      print only
//
// What it measures, and against what:
//   1. startup   shipped dist/extension.js: require + activate against a `vscode` stand-in, a fresh
//                Node process per sample, vs an empty extension (one status item) bundled the same way;
//                entry bytes; markdown-it signatures and the require graph.
//   2. host      code-server + Chromium: our time in "Developer: Show Running Extensions" vs the
//                lightest built-in that activates at startup, read from the same list.
//   3. paint     `Collab Coach: Open the Lesson` → first heading painted, vs an empty webview opened
//                the same way by test/bench/reference-extension; a click on the Collab Coach container →
//                the sidebar view's heading painted, vs the reference's empty webview view.
//                Several fresh code-server runs, odd ones panels first, even ones views first.
//   4. checker   checkPlan on a generated 5,000-line plan vs markdown-it's md.parse of the same text.
//   5. size      the .vsix.
//   6. scaling   each pure entry point that reads user or team text, on 1 MB ÷ 64 KB of each
//                pathological family (test/bench/scaling.js; `node test/bench/scaling.js` alone).
//   7. workspace the Plans view over a generated workspace of 1,000 plans and 5,000 other Markdown
//                files (test/bench/workspace.js): every plan listed vs reading the files + md.parse,
//                one edited plan's row vs one checkPlan, the heap the index holds.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const esbuild = require('esbuild');
const { repoRoot, CODE_SERVER_VERSION } = require('../harness/common');
const { extractZip } = require('./zip');

const benchOut = path.join(repoRoot, 'out', 'bench');
const docsFile = path.join(repoRoot, 'docs', 'benchmark.md');
const KB = 1024;
const ENTRY_BUDGET = 10 * KB;
const VSIX_BUDGET = 200 * KB;
/** The browser bundle's size when issue 14 was filed: it may not grow. */
const WEB_BUNDLE_BUDGET = 217 * KB;
const PLAN_LINES = 5000;
/** Strings every markdown-it bundle carries (checked against the feature bundle, dist/web/extension.js, which must have them all). */
const { COMPLETE_BUNDLE } = require('../../esbuild.js');
const MARKDOWN_IT_SIGNATURES = [
  'markdown-it',
  'linkify',
  'code_inline',
  'heading_open',
  'html_inline',
  'normalizeLinkText',
  'validateLink',
  'smartquotes',
  'typographer',
  'mdurl',
];

function parseArgs(argv) {
  const options = { runs: 4, rounds: 3, startupRounds: 20, planRounds: 15, skipHost: false, hostOnly: false, write: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) {
        throw new Error(`${arg} needs a whole number ≥ 1`);
      }
      return value;
    };
    if (arg === '--runs') {
      options.runs = number();
    } else if (arg === '--rounds') {
      options.rounds = number();
    } else if (arg === '--startup-rounds') {
      options.startupRounds = number();
    } else if (arg === '--skip-host') {
      options.skipHost = true;
    } else if (arg === '--host-only') {
      options.hostOnly = true;
      options.write = false;
    } else if (arg === '--no-write') {
      options.write = false;
    } else {
      throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

const benchStarted = Date.now();
function log(message) {
  const seconds = ((Date.now() - benchStarted) / 1000).toFixed(0).padStart(3);
  console.log(`[bench ${seconds}s] ${message}`);
}

function run(command, args, what, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status})\n${result.stdout || ''}\n${result.stderr || ''}`);
  }
  return result.stdout;
}

// ---- statistics ----------------------------------------------------------------------------------

const { median } = require('./report');

/** The options our production Node bundles are built with, for the references built here. */
const SHIPPED_BUILD = {
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  external: ['vscode'],
  logLevel: 'silent',
};

function spread(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  return sorted.length ? { median: median(sorted), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length } : null;
}

const fixed = (value, digits) => (value === null || value === undefined ? '—' : value.toFixed(digits));
const msText = (value) => (value === null || value === undefined ? '—' : `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`);
const spreadText = (s, format) => (s ? `${format(s.median)} [${format(s.min)}–${format(s.max)}] n=${s.n}` : '—');
const kbText = (bytes) => `${(bytes / KB).toFixed(1)} KB (${bytes.toLocaleString('en-US')} B)`;

// ---- builds --------------------------------------------------------------------------------------

/** `npm run package`, then the shipped files out of the .vsix: the bench measures what ships. */
function packageOurs() {
  log('packaging Collab Coach (npm run package)');
  run('npm', ['run', '--silent', 'package'], 'npm run package');
  const vsix = path.join(repoRoot, 'collab-coach.vsix');
  const shipped = path.join(benchOut, 'shipped');
  extractZip(vsix, shipped);
  const folder = path.join(shipped, 'extension');
  const entry = path.join(folder, 'dist', 'extension.js');
  const entryText = fs.readFileSync(entry, 'utf8');
  if (entryText.includes('//# sourceMappingURL')) {
    throw new Error('the packaged dist/extension.js is a development build (a sourcemap comment): was dist/ rebuilt while packaging? Run again.');
  }
  return { vsix, folder, entry };
}

/** The empty extension, bundled with the production settings of esbuild.js. */
async function buildEmptyExtension() {
  const folder = path.join(benchOut, 'empty-extension');
  fs.rmSync(folder, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'empty-extension', 'extension.js')],
    outfile: path.join(folder, 'extension.js'),
    ...SHIPPED_BUILD,
  });
  return { folder, entry: path.join(folder, 'extension.js') };
}

function packageReference() {
  log('packaging the reference extension (test/bench/reference-extension)');
  const out = path.join(benchOut, 'reference.vsix');
  fs.mkdirSync(benchOut, { recursive: true });
  run(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--skip-license',
      '--out',
      out,
    ],
    'packaging the reference extension',
    { cwd: path.join(__dirname, 'reference-extension'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return out;
}

// ---- 1. startup on Node ----------------------------------------------------------------------------

function startupSample(entry, folder, check) {
  const started = process.hrtime.bigint();
  const output = run(process.execPath, [path.join(__dirname, 'startup-child.js'), entry, folder, ...(check ? ['--check'] : [])], `loading ${entry}`);
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  return { ...JSON.parse(output), wall_ms: wall };
}

function startupBench(ours, empty, rounds) {
  log(`startup: ${rounds} rounds, a fresh Node process per sample, order alternating`);
  for (let i = 0; i < 2; i++) {
    startupSample(ours.entry, ours.folder, false); // warm the OS file cache for both
    startupSample(empty.entry, empty.folder, false);
  }
  const samples = { ours: [], empty: [] };
  const ratios = [];
  const wallRatios = [];
  for (let round = 0; round < rounds; round++) {
    const pair = {};
    for (const which of round % 2 === 0 ? ['ours', 'empty'] : ['empty', 'ours']) {
      const target = which === 'ours' ? ours : empty;
      pair[which] = startupSample(target.entry, target.folder, false);
      samples[which].push(pair[which]);
    }
    ratios.push(pair.ours.total_ms / pair.empty.total_ms);
    wallRatios.push(pair.ours.wall_ms / pair.empty.wall_ms);
  }
  const graph = startupSample(ours.entry, ours.folder, true);
  return { samples, ratios, wallRatios, graph };
}

/**
 * Bytes per source module in the entry, from an esbuild metafile of src/extension.ts built like
 * the production entry (minified, lazy chunks left out). Only used to explain the entry's size.
 */
async function entryComposition() {
  try {
    const result = await esbuild.build({
      entryPoints: [path.join(repoRoot, 'src', 'extension.ts')],
      bundle: true,
      minify: true,
      legalComments: 'none',
      format: 'cjs',
      platform: 'node',
      target: 'node18',
      external: ['vscode'],
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'lazy-chunks-stay-out',
          setup(build) {
            build.onResolve({ filter: /^\./ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
          },
        },
      ],
    });
    const output = Object.values(result.metafile.outputs)[0];
    return Object.entries(output.inputs)
      .map(([file, info]) => ({ file, bytes: info.bytesInOutput }))
      .filter((entry) => entry.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
  } catch {
    return [];
  }
}

function markdownItScan(ours) {
  const read = (name) => fs.readFileSync(path.join(ours.folder, 'dist', name), 'utf8');
  const entry = read('extension.js');
  const shared = read(COMPLETE_BUNDLE);
  return {
    signatures: MARKDOWN_IT_SIGNATURES,
    inEntry: MARKDOWN_IT_SIGNATURES.filter((signature) => entry.includes(signature)),
    inLesson: MARKDOWN_IT_SIGNATURES.filter((signature) => shared.includes(signature)),
  };
}

// ---- 4. plan checker -------------------------------------------------------------------------------

async function planBench(rounds) {
  const checker = path.join(repoRoot, 'src', 'plan', 'checker.ts');
  const generator = path.join(repoRoot, 'test', 'fixtures', 'plans', 'generate.ts');
  const missing = [checker, generator].filter((file) => !fs.existsSync(file));
  if (missing.length) {
    return { available: false, reason: `not available yet: ${missing.map((file) => path.relative(repoRoot, file)).join(', ')} missing` };
  }
  const bundle = path.join(benchOut, 'plan-under-test.js');
  try {
    await esbuild.build({
      stdin: {
        contents:
          `export { checkPlan } from ${JSON.stringify(checker)};\nexport { generateLargePlan } from ${JSON.stringify(generator)};\n` +
          `export { templateKnowledge } from ${JSON.stringify(path.join(repoRoot, 'src', 'plan', 'templateKnowledge.ts'))};\n` +
          `export { BUILT_IN_TEMPLATE_IDS, builtInTemplateFileName, parsePlanTemplate } from ${JSON.stringify(path.join(repoRoot, 'src', 'plan', 'templates.ts'))};\n`,
        resolveDir: repoRoot,
        sourcefile: 'plan-under-test.ts',
        loader: 'ts',
      },
      outfile: bundle,
      ...SHIPPED_BUILD, // minified, as the checker ships in dist/coach.js
    });
  } catch (error) {
    return { available: false, reason: `not available yet: bundling the checker failed (${String(error.message || error).split('\n')[0]})` };
  }
  log(`plan checker: ${PLAN_LINES.toLocaleString('en-US')}-line plan, ${rounds} interleaved rounds after a warm-up`);
  const result = spawnSync(process.execPath, [path.join(__dirname, 'plan-child.js'), bundle, String(PLAN_LINES), String(rounds)], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    return { available: false, reason: `not available yet: the checker failed on the generated plan (${(result.stderr || '').trim().split('\n')[0]})` };
  }
  const data = JSON.parse(result.stdout);
  const ratios = data.checker_ms.map((value, index) => value / data.parse_ms[index]);
  return { available: true, ...data, ratios };
}

// ---- the table -------------------------------------------------------------------------------------

/** A Startup Performance column of one extension in one run, as a number. */
function statOf(runResult, id, column) {
  const entry = (runResult.activationStats || []).find((stat) => stat.Extension === id);
  const value = entry ? Number(entry[column]) : NaN;
  return Number.isFinite(value) ? value : null;
}

/** Show Running Extensions against the trivial reference (the target) and the lightest built-in (for scale); Call Activate. */
function activationRows(host, perRun) {
  const rows = [];
  const trivial = perRun.filter((entry) => entry.ours && entry.reference && entry.reference.ms);
  const trivialRatio = median(trivial.map((entry) => entry.ours.ms / entry.reference.ms));
  const withStats = host.runs.filter((runResult) => runResult.activationStats);
  const column = (id, name) => median(withStats.map((runResult) => statOf(runResult, id, name)));
  const referenceId = 'qianjinshe-bench.collab-coach-bench-reference';
  const oursId = 'qianjinshe.collab-coach';
  const loadSplit =
    `Startup Performance, medians: ours Load Code ${msText(column(oursId, 'Load Code'))} + Call Activate ${msText(column(oursId, 'Call Activate'))}, ` +
    `the trivial one ${msText(column(referenceId, 'Load Code'))} + ${msText(column(referenceId, 'Call Activate'))}; Load Code counts from the activation request, ` +
    'so it includes waiting behind the extensions activated at the same moment';
  rows.push({
    id: 'activation',
    what: 'Real host: activation in Developer: Show Running Extensions',
    ours: msText(median(trivial.map((entry) => entry.ours.ms))),
    reference: `${msText(median(trivial.map((entry) => entry.reference.ms)))} (trivial reference extension, onStartupFinished)`,
    ratio: trivialRatio,
    target: '≤ 1.1×',
    met: trivialRatio === null ? false : trivialRatio <= 1.1,
    split: loadSplit,
  });
  const usable = perRun.filter((entry) => entry.ours && entry.lightest);
  rows.push({
    id: 'activation-builtin',
    what: '  the same vs the lightest built-in activated at startup, for scale',
    ours: msText(median(usable.map((entry) => entry.ours.ms))),
    reference: `${msText(median(usable.map((entry) => entry.lightest.ms)))} (${[...new Set(usable.map((entry) => entry.lightest.id))].join(', ') || '—'})`,
    ratio: median(usable.map((entry) => entry.ours.ms / entry.lightest.ms)),
    target: '—',
    met: null,
  });
  const differences = withStats
    .map((runResult) => {
      const ours = statOf(runResult, oursId, 'Call Activate');
      const reference = statOf(runResult, referenceId, 'Call Activate');
      return ours === null || reference === null ? null : ours - reference;
    })
    .filter((value) => value !== null);
  const difference = median(differences);
  rows.push({
    id: 'call-activate',
    what: 'Real host: Call Activate in Developer: Startup Performance',
    ours: msText(column(oursId, 'Call Activate')),
    reference: `${msText(column(referenceId, 'Call Activate'))} (trivial reference extension); per-run difference ${difference === null ? '—' : `${difference.toFixed(1)} ms`}`,
    ratio: null,
    target: '≤ reference + 2 ms',
    met: difference === null ? false : difference <= 2,
    split: `${loadSplit}; Call Activate is activate() itself: registrations only, the tip and the progress store come after it returns`,
  });
  return rows;
}

/** Pairs of lesson and empty opens of one kind (`opens` panels, `viewOpens` views), per round. */
function openPairs(good, key, rounds) {
  const list = [];
  for (const runResult of good) {
    const opens = runResult[key] || [];
    for (const round of [...new Set(opens.map((open) => open.round))].filter(rounds)) {
      const lesson = opens.find((open) => open.round === round && open.which === 'lesson');
      const empty = opens.find((open) => open.round === round && open.which === 'empty');
      if (lesson && empty) {
        list.push({ lesson, empty, ratio: lesson.painted_ms / empty.painted_ms });
      }
    }
  }
  return list;
}

/** Where the time goes: until VS Code shows the content frame, until the heading is in it, until painted. */
function paintSplit(list) {
  const part = (which, key) => median(list.map((pair) => pair[which][key]));
  const phases = (which) =>
    `frame shown ${msText(part(which, 'visible_ms'))}, heading in the DOM ${msText(part(which, 'heading_ms'))}, painted ${msText(part(which, 'painted_ms'))}`;
  return `lesson: ${phases('lesson')}; empty: ${phases('empty')} (medians, from the Enter key or the click)`;
}

function paintRows(good) {
  const rows = [];
  const kinds = [
    { id: 'paint-first', key: 'opens', rounds: (round) => round === 1, target: 1.2, what: 'Lesson first paint, first open in a session (Open the Lesson → heading painted)', reference: 'empty webview, same way' },
    { id: 'paint-again', key: 'opens', rounds: (round) => round > 1, target: 1.15, what: 'Lesson first paint, opened again in the same session', reference: 'empty webview, same way' },
    { id: 'view-paint', key: 'viewOpens', rounds: () => true, target: 1.2, what: 'Sidebar view painted after a click on the Collab Coach container', reference: 'empty webview view, same way' },
  ];
  for (const kind of kinds) {
    const list = openPairs(good, kind.key, kind.rounds);
    const ratio = median(list.map((pair) => pair.ratio));
    rows.push({
      id: kind.id,
      what: kind.what,
      ours: msText(median(list.map((pair) => pair.lesson.painted_ms))),
      reference: `${msText(median(list.map((pair) => pair.empty.painted_ms)))} (${kind.reference})`,
      ratio,
      target: `≤ ${kind.target}×`,
      met: ratio === null ? false : ratio <= kind.target,
      split: paintSplit(list),
    });
  }
  return rows;
}

function buildRows(results) {
  const rows = [];
  const { startup, host, plan } = results;
  if (startup) {
    rows.push(...nodeRows(results));
  }
  rows.push(...hostRows(host));
  if (plan) {
    rows.push(planRow(plan));
  }
  rows.push(...require('./workspace').workspaceRows(results.workspace));
  rows.push(...scalingRows(results.scaling || []));
  rows.push({
    id: 'vsix',
    what: '.vsix size',
    ours: kbText(results.vsixBytes),
    reference: `budget ${kbText(VSIX_BUDGET)}`,
    ratio: results.vsixBytes / VSIX_BUDGET,
    target: '≤ 200 KB',
    met: results.vsixBytes <= VSIX_BUDGET,
  });
  return rows;
}

/** Startup on Node, the entry, markdown-it kept out of it, the browser bundle. */
/** Scaling rows (test/bench/scaling.js): 1 MB ÷ 64 KB of each pathological family, target ≤ 20. */
function scalingRows(scaling) {
  const controls = scaling.filter((row) => row.met === null && row.ratio !== null);
  const controlRatio = controls.length ? controls.map((row) => `${row.ratio.toFixed(1)}×`).join(' and ') : 'not measured';
  return scaling.map((row) => ({
    id: `scaling: ${row.name}`,
    what: `Scaling, ${row.name}`,
    ours: row.large === null ? row.note : `${msText(row.large)} at 1 MB`,
    reference: row.small === null ? '—' : `${msText(row.small)} at 64 KB (1 MB ÷ 512 KB: ${row.doubling.toFixed(2)}, linear 2; md.parse: ${row.referenceRatio.toFixed(1)}×)`,
    ratio: row.ratio,
    target: row.met === null ? '—' : '≤ 20×',
    met: row.met,
    split:
      row.small === null
        ? undefined
        : `1 MB ÷ 512 KB ${row.doubling.toFixed(2)} (linear 2); markdown-it's md.parse on the same texts ${row.referenceRatio.toFixed(1)}×, the controls (Array.push, String.prototype.replace) ${controlRatio}`,
  }));
}

function nodeRows(results) {
  const rows = [];
  const { startup, scan } = results;
  const oursTotal = spread(startup.samples.ours.map((sample) => sample.total_ms));
  const emptyTotal = spread(startup.samples.empty.map((sample) => sample.total_ms));
  const startupRatio = median(startup.ratios);
  rows.push({
    id: 'startup',
    what: 'Startup: require + activate of dist/extension.js (Node, `vscode` stand-in)',
    ours: msText(oursTotal.median),
    reference: `${msText(emptyTotal.median)} (empty extension)`,
    ratio: startupRatio,
    target: '≤ 1.5×',
    met: startupRatio <= 1.5,
    split: `require ${msText(median(startup.samples.ours.map((sample) => sample.require_ms)))} vs ${msText(median(startup.samples.empty.map((sample) => sample.require_ms)))}, ` +
      `activate ${msText(median(startup.samples.ours.map((sample) => sample.activate_ms)))} vs ${msText(median(startup.samples.empty.map((sample) => sample.activate_ms)))} ` +
      `(ours compiles ${kbText(results.entryBytes)}, the empty one ${results.emptyBytes} B)`,
  });
  const wallRatio = median(startup.wallRatios);
  rows.push({
    id: 'startup-wall',
    what: '  the same, whole process (spawn → exit), for scale',
    ours: msText(median(startup.samples.ours.map((sample) => sample.wall_ms))),
    reference: msText(median(startup.samples.empty.map((sample) => sample.wall_ms))),
    ratio: wallRatio,
    target: '—',
    met: null,
  });
  rows.push({
    id: 'entry',
    what: 'Entry bundle dist/extension.js (minified)',
    ours: kbText(results.entryBytes),
    reference: `budget ${kbText(ENTRY_BUDGET)}`,
    ratio: results.entryBytes / ENTRY_BUDGET,
    target: '≤ 10 KB',
    met: results.entryBytes <= ENTRY_BUDGET,
  });
  // markdown-it and the lesson live in the feature bundle, which the Node host loads on first use of a feature.
  const lessonNotLoaded = !startup.graph.loadedAfterActivate.includes(COMPLETE_BUNDLE) && !startup.graph.markdownItLoaded;
  const controlLoaded = (startup.graph.loadedAfterOpenLesson || []).includes(COMPLETE_BUNDLE);
  rows.push({
    id: 'markdown-it',
    what: `markdown-it not in the entry: signatures in the text; ${COMPLETE_BUNDLE} after activate`,
    ours: `${scan.inEntry.length}/${MARKDOWN_IT_SIGNATURES.length} found; loaded: ${startup.graph.loadedAfterActivate.join(', ')}`,
    reference: `${COMPLETE_BUNDLE}: ${scan.inLesson.length}/${MARKDOWN_IT_SIGNATURES.length} found; loaded after Open Lesson: ${(startup.graph.loadedAfterOpenLesson || []).join(', ') || '—'}`,
    ratio: null,
    target: '0 found, not loaded',
    met: scan.inEntry.length === 0 && lessonNotLoaded && scan.inLesson.length === MARKDOWN_IT_SIGNATURES.length && controlLoaded,
  });
  rows.push({
    id: 'web-bundle',
    what: 'Browser bundle dist/web/extension.js (minified)',
    ours: kbText(results.webBundleBytes),
    reference: `${kbText(WEB_BUNDLE_BUDGET)} (its size when issue 14 was filed)`,
    ratio: results.webBundleBytes / WEB_BUNDLE_BUDGET,
    target: 'no larger',
    met: results.webBundleBytes <= WEB_BUNDLE_BUDGET,
    split: `${(results.webBundleBytes - WEB_BUNDLE_BUDGET).toLocaleString('en-US')} B over; the browser build is one bundle (markdown-it, the plan tools and the lesson included)`,
  });

  return rows;
}

/** The real-host rows: activation, Call Activate, lesson paint in the panel and the sidebar. */
function hostRows(host) {
  const rows = [];
  if (host) {
    const good = host.runs.filter((runResult) => !runResult.error);
    // A run that failed in its webview part still has a valid Running Extensions reading.
    const withActivation = host.runs.filter((runResult) => runResult.running && runResult.running.some((row) => row.kind === 'ours'));
    const perRun = withActivation.map((runResult) => {
      const oursRow = runResult.running.find((row) => row.kind === 'ours');
      const referenceRow = runResult.running.find((row) => row.kind === 'reference');
      const startupBuiltIns = runResult.running.filter((row) => row.kind === 'built-in' && row.atStartup && row.ms !== null);
      const lightest = startupBuiltIns.reduce((best, row) => (best === null || row.ms < best.ms ? row : best), null);
      return { ours: oursRow, reference: referenceRow, lightest };
    });
    rows.push(...activationRows(host, perRun));
    rows.push(...paintRows(good));
  } else {
    rows.push({ id: 'host-skipped',
    what: 'Real host rows (Running Extensions, lesson first paint)', ours: 'skipped (--skip-host)', reference: '—', ratio: null, target: '—', met: null });
  }

  return rows;
}

/** The plan checker against markdown-it merely parsing the same text. */
function planRow(plan) {
  if (plan.available) {
    const ratio = median(plan.ratios);
    return {
      id: 'plan',
      what: `Plan checker on a generated ${PLAN_LINES.toLocaleString('en-US')}-line plan`,
      ours: msText(median(plan.checker_ms)),
      reference: `${msText(median(plan.parse_ms))} (markdown-it md.parse)`,
      ratio,
      target: '≤ 1.3×',
      met: ratio <= 1.3,
      split: `checkPlan ${msText(median(plan.checker_ms))} vs md.parse ${msText(median(plan.parse_ms))} per round (first call in the process ${msText(plan.first && plan.first.checker_ms)} vs ${msText(plan.first && plan.first.parse_ms)})`,
    };
  }
  return { id: 'plan', what: `Plan checker on a generated ${PLAN_LINES.toLocaleString('en-US')}-line plan`, ours: plan.reason, reference: '—', ratio: null, target: '≤ 1.3×', met: null };
}

const metText = (met) => (met === null ? 'n/a' : met ? 'yes' : 'NO');
const ratioText = (ratio) => (ratio === null || ratio === undefined ? '—' : `${ratio.toFixed(2)}×`);

function printTable(rows) {
  const header = ['what', 'ours', 'reference', 'ratio', 'target', 'met?'];
  const cells = rows.map((row) => [row.what, row.ours, row.reference, ratioText(row.ratio), row.target, metText(row.met)]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values) => values.map((value, column) => value.padEnd(widths[column])).join(' │ ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('─┼─'));
  for (const values of cells) {
    console.log(line(values));
  }
  console.log('');
}

function markdownTable(rows) {
  const escape = (text) => String(text).replace(/\|/g, '\\|');
  const lines = ['| what | ours | reference | ratio | target | met? |', '|---|---|---|---|---|---|'];
  for (const row of rows) {
    lines.push(`| ${[row.what.replace(/^ +/, '↳ '), row.ours, row.reference, ratioText(row.ratio), row.target, metText(row.met) === 'NO' ? '**NO**' : metText(row.met)].map(escape).join(' | ')} |`);
  }
  return lines.join('\n');
}

// ---- machine ---------------------------------------------------------------------------------------

function machine() {
  const nproc = spawnSync('nproc', [], { encoding: 'utf8' });
  const chromium = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' });
  return {
    nproc: nproc.status === 0 ? nproc.stdout.trim() : String(os.cpus().length),
    cpu: (os.cpus()[0] && os.cpus()[0].model) || 'unknown',
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    codeServer: CODE_SERVER_VERSION,
    chromium: chromium.status === 0 ? chromium.stdout.trim() : 'not found',
    loadBefore: os.loadavg().map((value) => value.toFixed(2)).join(' '),
  };
}

/**
 * The Node rows just kept both cores busy: wait (up to 90 s) until the 1-minute load average is
 * below half the cores before the real-host rows, so they do not start on a machine still busy
 * with the bench itself.
 */
async function coolDown() {
  const limit = os.cpus().length / 2;
  const started = Date.now();
  while (os.loadavg()[0] > limit && Date.now() - started < 90_000) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  log(`real host: 1-minute load average ${os.loadavg()[0].toFixed(2)} after ${((Date.now() - started) / 1000).toFixed(0)} s of waiting (limit ${limit})`);
}

// ---- main --------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const results = { options, machine: machine(), date: new Date().toISOString() };
  // The 1-minute load average every 5 s: tells the reader how busy the machine was meanwhile.
  const loadSamples = [os.loadavg()[0]];
  const loadTimer = setInterval(() => loadSamples.push(os.loadavg()[0]), 5000);
  loadTimer.unref();
  fs.mkdirSync(benchOut, { recursive: true });

  const ours = packageOurs();
  results.vsixBytes = fs.statSync(ours.vsix).size;
  results.entryBytes = fs.statSync(ours.entry).size;
  results.ours = ours;
  const empty = await buildEmptyExtension();
  results.emptyBytes = fs.statSync(empty.entry).size;

  results.webBundleBytes = fs.statSync(path.join(ours.folder, 'dist', 'web', 'extension.js')).size;
  if (!options.hostOnly) {
    results.scan = markdownItScan(ours);
    results.entryComposition = await entryComposition();
    results.startup = startupBench(ours, empty, options.startupRounds);
    results.plan = await planBench(options.planRounds);
    if (!results.plan.available) {
      log(`plan checker: ${results.plan.reason}`);
    }
    // The Plans view over 1,000 plans + 5,000 other Markdown files (test/bench/workspace.js).
    results.workspace = await require('./workspace').measureWorkspace({ log, build: SHIPPED_BUILD, outDir: benchOut });
    if (!results.workspace.available) {
      log(`workspace: ${results.workspace.reason}`);
    }
    // Scaling rows (test/bench/scaling.js): 1 MB ÷ 64 KB of each pathological family, target ≤ 20.
    results.scaling = await require('./scaling').measureScaling({ log });
  }

  if (!options.skipHost) {
    if (!options.hostOnly) {
      await coolDown();
    }
    const referenceVsix = packageReference();
    const { runHostBench } = require('./host');
    log(`real host: ${options.runs} fresh code-server page loads, ${options.rounds} lesson/empty pairs each`);
    results.host = { runs: await runHostBench({ vsix: ours.vsix, referenceVsix, runs: options.runs, webviewRounds: options.rounds }, log) };
  }
  clearInterval(loadTimer);
  loadSamples.push(os.loadavg()[0]);
  results.machine.loadAfter = os.loadavg().map((value) => value.toFixed(2)).join(' ');
  results.machine.loadMedian = median(loadSamples);
  results.machine.loadPeak = Math.max(...loadSamples);
  results.seconds = (Date.now() - benchStarted) / 1000;

  const rows = buildRows(results);
  results.rows = rows;
  fs.writeFileSync(path.join(benchOut, 'results.json'), JSON.stringify(results, null, 1));
  printTable(rows);
  const missed = rows.filter((row) => row.met === false);
  console.log(missed.length ? `targets missed: ${missed.length} (${missed.map((row) => row.what.trim()).join('; ')})` : 'every target met');
  for (const row of missed) {
    console.log(`  ✗ ${row.what.trim()} — ${ratioText(row.ratio)} (target ${row.target}): ${row.split || 'no split measured'}`);
  }
  console.log(`1-minute load average: ${results.machine.loadBefore.split(' ')[0]} before, ${results.machine.loadAfter.split(' ')[0]} after (peak ${results.machine.loadPeak.toFixed(2)}, median ${results.machine.loadMedian.toFixed(2)}, ${results.machine.nproc} cores)`);
  if (results.host) {
    console.log(`per run: ${results.host.runs.map((runResult) => `run ${runResult.run} ${fixed(runResult.loadBefore, 2)} → ${fixed(runResult.loadAfter, 2)}`).join(', ')}`);
  }
  if (results.machine.loadPeak > Number(results.machine.nproc)) {
    console.log(`WARNING: the machine was busy (1-minute load average up to ${results.machine.loadPeak.toFixed(1)} on ${results.machine.nproc} cores): other jobs shared it, so the figures scatter; run again on a quiet machine before trusting a ratio near its target.`);
  }
  console.log(`raw results: ${path.relative(repoRoot, path.join(benchOut, 'results.json'))}`);

  if (options.write && !options.skipHost && !options.hostOnly) {
    const { renderReport } = require('./report');
    fs.mkdirSync(path.dirname(docsFile), { recursive: true });
    fs.writeFileSync(docsFile, renderReport(results, rows));
    console.log(`written: ${path.relative(repoRoot, docsFile)}`);
  } else if (options.write) {
    console.log(`${path.relative(repoRoot, docsFile)} not written: the real-host rows were skipped`);
  }
  log(`done in ${results.seconds.toFixed(0)} s`);
  const failedRuns = results.host ? results.host.runs.filter((runResult) => runResult.error) : [];
  if (failedRuns.length) {
    console.error(`${failedRuns.length} real-host run(s) failed: ${failedRuns.map((runResult) => `${runResult.error} (log: ${runResult.logFile})`).join('; ')}`);
  }
  // A missed target is a finding, not a failure; a bench that could not measure is.
  return results.host && failedRuns.length === results.host.runs.length ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`bench could not run: ${error instanceof Error ? error.stack : error}`);
      process.exit(1);
    },
  );
}
