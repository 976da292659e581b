// `npm run bench`: how much Collab Coach costs, each figure as a ratio against a reference measured
// in the same run (these machines are shared and noisy; absolute times mean little). Prints a table
// and writes it, with the machine and the date, to docs/benchmark.md. Never part of `npm test`.
//
//   npm run bench                    everything (about 4–5 minutes; the first run also installs code-server)
//   npm run bench -- --runs 5        more fresh code-server page loads (default 3)
//   npm run bench -- --rounds 4      more lesson/empty webview pairs per page load (default 3)
//   npm run bench -- --skip-host     only the Node rows (no code-server, no Chromium); docs/ is not written
//   npm run bench -- --no-write      print only
//
// What it measures, and against what:
//   1. startup   shipped dist/extension.js: require + activate against a `vscode` stand-in, a fresh
//                Node process per sample, vs an empty extension (one status item) bundled the same way;
//                entry bytes; markdown-it signatures and the require graph.
//   2. host      code-server + Chromium: our time in "Developer: Show Running Extensions" vs the
//                lightest built-in that activates at startup, read from the same list.
//   3. paint     `Collab Coach: Open the Lesson` → first heading painted, vs an empty webview opened
//                the same way by test/bench/reference-extension.
//   4. checker   checkPlan on a generated 5,000-line plan vs markdown-it's md.parse of the same text.
//   5. size      the .vsix.
//   6. scaling   each pure entry point that reads user or team text, on 1 MB ÷ 64 KB of each
//                pathological family (test/bench/scaling.js; `node test/bench/scaling.js` alone).
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
const PLAN_LINES = 5000;
/** Strings every markdown-it bundle carries (checked against dist/lesson.js, which must have them all). */
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
  const options = { runs: 3, rounds: 3, startupRounds: 20, planRounds: 15, skipHost: false, write: true };
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
  const lesson = read('lesson.js');
  return {
    signatures: MARKDOWN_IT_SIGNATURES,
    inEntry: MARKDOWN_IT_SIGNATURES.filter((signature) => entry.includes(signature)),
    inLesson: MARKDOWN_IT_SIGNATURES.filter((signature) => lesson.includes(signature)),
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
        contents: `export { checkPlan } from ${JSON.stringify(checker)};\nexport { generateLargePlan } from ${JSON.stringify(generator)};\n`,
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

function buildRows(results) {
  const rows = [];
  const { startup, scan, ours, host, plan, vsixBytes } = results;

  const oursTotal = spread(startup.samples.ours.map((sample) => sample.total_ms));
  const emptyTotal = spread(startup.samples.empty.map((sample) => sample.total_ms));
  const startupRatio = median(startup.ratios);
  rows.push({
    id: 'startup',
    what: 'Startup: require + activate of dist/extension.js (Node, `vscode` stand-in)',
    ours: msText(oursTotal.median),
    reference: `${msText(emptyTotal.median)} (empty extension)`,
    ratio: startupRatio,
    target: '≤ 1.2×',
    met: startupRatio <= 1.2,
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
  const lessonNotLoaded = !startup.graph.loadedAfterActivate.includes('lesson.js') && !startup.graph.markdownItLoaded;
  const controlLoaded = (startup.graph.loadedAfterOpenLesson || []).includes('lesson.js');
  rows.push({
    id: 'markdown-it',
    what: 'markdown-it not in the entry: signatures in the text; lesson.js after activate',
    ours: `${scan.inEntry.length}/${MARKDOWN_IT_SIGNATURES.length} found; loaded: ${startup.graph.loadedAfterActivate.join(', ')}`,
    reference: `lesson.js: ${scan.inLesson.length}/${MARKDOWN_IT_SIGNATURES.length} found; loaded after Open Lesson: ${(startup.graph.loadedAfterOpenLesson || []).join(', ') || '—'}`,
    ratio: null,
    target: '0 found, not loaded',
    met: scan.inEntry.length === 0 && lessonNotLoaded && scan.inLesson.length === MARKDOWN_IT_SIGNATURES.length && controlLoaded,
  });

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
    const usable = perRun.filter((entry) => entry.ours && entry.lightest);
    const activationRatio = median(usable.map((entry) => entry.ours.ms / entry.lightest.ms));
    const lightestNames = [...new Set(usable.map((entry) => entry.lightest.id))].join(', ');
    rows.push({
      id: 'activation',
    what: 'Real host: activation in Developer: Show Running Extensions',
      ours: msText(median(usable.map((entry) => entry.ours.ms))),
      reference: `${msText(median(usable.map((entry) => entry.lightest.ms)))} (lightest built-in at startup: ${lightestNames || '—'})`,
      ratio: activationRatio,
      target: '< 1× (lighter)',
      met: activationRatio === null ? false : activationRatio < 1,
    });
    const trivial = perRun.filter((entry) => entry.ours && entry.reference && entry.reference.ms);
    rows.push({
      id: 'activation-trivial',
    what: '  the same vs a trivial extension (one command, onStartupFinished), for scale',
      ours: msText(median(trivial.map((entry) => entry.ours.ms))),
      reference: msText(median(trivial.map((entry) => entry.reference.ms))),
      ratio: median(trivial.map((entry) => entry.ours.ms / entry.reference.ms)),
      target: '—',
      met: null,
    });
    const pairs = (first) => {
      const list = [];
      for (const runResult of good) {
        const rounds = [...new Set(runResult.opens.map((open) => open.round))].filter((round) => (first ? round === 1 : round > 1));
        for (const round of rounds) {
          const lesson = runResult.opens.find((open) => open.round === round && open.which === 'lesson');
          const empty = runResult.opens.find((open) => open.round === round && open.which === 'empty');
          if (lesson && empty) {
            list.push({ lesson: lesson.painted_ms, empty: empty.painted_ms, ratio: lesson.painted_ms / empty.painted_ms });
          }
        }
      }
      return list;
    };
    for (const first of [true, false]) {
      const list = pairs(first);
      const ratio = median(list.map((pair) => pair.ratio));
      rows.push({
        id: first ? 'paint-first' : 'paint-again',
        what: first
          ? 'Lesson first paint, first open in a session (Open the Lesson → heading painted)'
          : 'Lesson first paint, opened again in the same session',
        ours: msText(median(list.map((pair) => pair.lesson))),
        reference: `${msText(median(list.map((pair) => pair.empty)))} (empty webview, same way)`,
        ratio,
        target: '≤ 1.5×',
        met: ratio === null ? false : ratio <= 1.5,
      });
    }
  } else {
    rows.push({ id: 'host-skipped',
    what: 'Real host rows (Running Extensions, lesson first paint)', ours: 'skipped (--skip-host)', reference: '—', ratio: null, target: '—', met: null });
  }

  if (plan.available) {
    const ratio = median(plan.ratios);
    rows.push({
      id: 'plan',
      what: `Plan checker on a generated ${PLAN_LINES.toLocaleString('en-US')}-line plan`,
      ours: msText(median(plan.checker_ms)),
      reference: `${msText(median(plan.parse_ms))} (markdown-it md.parse)`,
      ratio,
      target: '≤ 1×',
      met: ratio <= 1,
    });
  } else {
    rows.push({ id: 'plan', what: `Plan checker on a generated ${PLAN_LINES.toLocaleString('en-US')}-line plan`, ours: plan.reason, reference: '—', ratio: null, target: '≤ 1×', met: null });
  }

  for (const row of results.scaling || []) {
    rows.push({
      id: `scaling: ${row.name}`,
      what: `Scaling, ${row.name}`,
      ours: row.large === null ? row.note : `${msText(row.large)} at 1 MB`,
      reference: row.small === null ? '—' : `${msText(row.small)} at 64 KB (md.parse: ${row.referenceRatio.toFixed(1)}×)`,
      ratio: row.ratio,
      target: '≤ 20×',
      met: row.met,
    });
  }

  rows.push({
    id: 'vsix',
    what: '.vsix size',
    ours: kbText(vsixBytes),
    reference: `budget ${kbText(VSIX_BUDGET)}`,
    ratio: vsixBytes / VSIX_BUDGET,
    target: '≤ 200 KB',
    met: vsixBytes <= VSIX_BUDGET,
  });
  return rows;
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

  results.scan = markdownItScan(ours);
  results.entryComposition = await entryComposition();
  results.startup = startupBench(ours, empty, options.startupRounds);
  results.plan = await planBench(options.planRounds);
  if (!results.plan.available) {
    log(`plan checker: ${results.plan.reason}`);
  }
  // Scaling rows (test/bench/scaling.js): 1 MB ÷ 64 KB of each pathological family, target ≤ 20.
  results.scaling = await require('./scaling').measureScaling({ log });

  if (!options.skipHost) {
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
  console.log(`raw results: ${path.relative(repoRoot, path.join(benchOut, 'results.json'))}`);

  if (options.write && !options.skipHost) {
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
