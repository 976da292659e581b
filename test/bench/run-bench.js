// `npm run bench`: how much Collab Coach costs, each figure as a ratio against a reference measured
// in the same run (these machines are shared and noisy; absolute times mean little). Prints a table
// and writes it, with the machine and the date, to docs/benchmark.md. Never part of `npm test`.
//
//   npm run bench                    everything (about 10 minutes; the first run also installs code-server)
//   npm run bench -- --runs 12       more fresh code-server page loads (default 8: a first open happens once a run)
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
const { median } = require('./report');
const { buildRows, printTable, ratioText, fixed, KB, PLAN_LINES, MARKDOWN_IT_SIGNATURES, COMPLETE_BUNDLE } = require('./rows');

const benchOut = path.join(repoRoot, 'out', 'bench');
const docsFile = path.join(repoRoot, 'docs', 'benchmark.md');

function parseArgs(argv) {
  const options = { runs: 8, rounds: 3, startupRounds: 20, planRounds: 15, skipHost: false, hostOnly: false, write: true };
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
  // Its manifest beside it, as in an installed extension: otherwise Node's lookup of the entry's
  // package scope would find the repository's, already read (and cached) for the bench's own files.
  fs.copyFileSync(path.join(__dirname, 'empty-extension', 'package.json'), path.join(folder, 'package.json'));
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
    console.log(`WARNING: the machine was loaded (1-minute load average up to ${results.machine.loadPeak.toFixed(1)} on ${results.machine.nproc} cores, the bench's own processes included), so the figures scatter; run again before trusting a ratio near its target.`);
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
