// Scaling rows for the pure entry points that read user or team text: time on 1 MB of each
// pathological family ÷ time on 64 KB of it. Linear is 16; the target is ≤ 20 (issue 16). Beside
// it, 1 MB ÷ 512 KB (linear is 2): past the step from the caches and V8's young generation, which
// costs any code that keeps data in proportion to its input (see the control rows), the growth left
// is the algorithm's.
//
//   node test/bench/scaling.js               every row, printed as a table
//   node test/bench/scaling.js --only snippet  rows whose name contains "snippet"
//
// Each row runs in its own Node process with a time limit, so a quadratic entry point shows up as a
// missed row instead of a frozen bench. run-bench.js calls measureScaling() for its table.
//
// To add rows (e.g. the plan checker's): export the entry point from BUNDLE_SOURCE below and push
// { name, generate(size) → text, run(modules, text) } onto FAMILIES; `modules` is the bundle's exports.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { PerformanceObserver, performance } = require('node:perf_hooks');

const repoRoot = path.resolve(__dirname, '..', '..');
const bundleFile = path.join(repoRoot, 'out', 'bench', 'scaling-under-test.js');
const SMALL = 64 * 1024;
const LARGE = 1024 * 1024;
/** For the doubling ratio (linear is 2): above a few hundred KB the caches and the young generation are outgrown on both sides. */
const MIDDLE = LARGE / 2;
const TARGET = 20;
/** Timed rounds per text: more at 64 KB, where one round is short and the machine's noise is large beside it. */
const SMALL_ROUNDS = 15;
const LARGE_ROUNDS = 7;
const MIDDLE_ROUNDS = 9;
/** A row whose 1 MB run takes longer than this has missed its target by far. */
const ROW_TIME_LIMIT_MS = 120_000;

/** The pure modules under test, bundled and minified as they ship. */
const BUNDLE_SOURCE = `
export { keepOnlyVariables, snippetToPlainText, listPlaceholders, renumberPlaceholders, DATE_AND_RANDOM_VARIABLES } from './src/plan/snippet';
export { splitFrontMatter } from './src/plan/frontMatter';
export { renderMarkdown } from './src/lesson/render';
export { parseLessonSections, lessonTitle } from './src/content/lesson';
export { planFileName, planFolderSegments } from './src/plan/slug';
export { checkPlan } from './src/plan/checker';
export { missingSectionInsertion, fixAllMissingSections } from './src/plan/insertion';
`;

/** `unit` repeated to `size` characters. */
const repeat = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** All four snippet entry points a team template goes through. */
function snippetEntryPoints(m, text) {
  const filtered = m.keepOnlyVariables(text, m.DATE_AND_RANDOM_VARIABLES);
  m.snippetToPlainText(text);
  m.listPlaceholders(text);
  m.renumberPlaceholders(text);
  return filtered.length;
}

const FAMILIES = [
  { name: 'snippet: ${1| repeated', generate: (size) => repeat('${1|', size), run: snippetEntryPoints },
  { name: 'snippet: ${1/ repeated', generate: (size) => repeat('${1/', size), run: snippetEntryPoints },
  { name: 'snippet: ${1: repeated (open)', generate: (size) => repeat('${1:', size), run: snippetEntryPoints },
  { name: 'snippet: ${A: repeated (open)', generate: (size) => repeat('${A:', size), run: snippetEntryPoints },
  { name: 'snippet: ${1/a/${2:+ repeated', generate: (size) => repeat('${1/a/${2:+', size), run: snippetEntryPoints },
  { name: 'snippet: ${1/a/b/ repeated, } at the end', generate: (size) => repeat('${1/a/b/', size - 1) + '}', run: snippetEntryPoints },
  { name: 'snippet: ${1|a,b|} $1 $CLIPBOARD lines', generate: (size) => repeat('${1|a,b|} $1 ${2:x $CLIPBOARD}\n', size), run: snippetEntryPoints },
  {
    name: 'front matter: name: + spaces + U+2028',
    generate: (size) => '---\nname:' + ' '.repeat(size - 20) + '\u2028x\n---\nbody',
    run: (m, text) => m.splitFrontMatter(text).ok,
  },
  {
    name: 'front matter: many key lines',
    generate: (size) => '---\n' + repeat('key-name:   "value"\n', size - 12) + '\n---\n',
    run: (m, text) => m.splitFrontMatter(text).ok,
  },
  { name: 'render (team note): ## same repeated', generate: (size) => repeat('## same\n', size), run: (m, text) => m.renderMarkdown(text, { idPrefix: 'note-1-' }).html.length },
  { name: 'render: # a + spaces + x', generate: (size) => '# a' + ' '.repeat(size - 4) + 'x', run: (m, text) => m.renderMarkdown(text).html.length },
  { name: 'render: # a + spaces + x lines', generate: (size) => repeat('# a' + ' '.repeat(200) + 'x\n', size), run: (m, text) => m.renderMarkdown(text).html.length },
  { name: 'render: ## h {#same} repeated', generate: (size) => repeat('## h {#same}\n', size), run: (m, text) => m.renderMarkdown(text).html.length },
  {
    name: 'render (team note): own anchor links',
    generate: (size) => repeat('## t\n[a](#t) [b](#t-2) [c](#principle-1)\n', size),
    run: (m, text) => m.renderMarkdown(text, { idPrefix: 'note-1-' }).html.length,
  },
  { name: 'render: aligned table rows', generate: (size) => '| a | b |\n|:-|-:|\n' + repeat('| 1 | 2 |\n', size - 20), run: (m, text) => m.renderMarkdown(text).html.length },
  { name: 'lesson sections: # a + spaces + x {#id}', generate: (size) => '# a' + ' '.repeat(size - 12) + 'x {#id}', run: (m, text) => m.parseLessonSections(text).length },
  { name: 'lesson sections: ## s {#s} and fences', generate: (size) => repeat('## s {#s}\n```\n# no\n```\n', size), run: (m, text) => m.parseLessonSections(text).length + (m.lessonTitle(text) ?? '').length },
  { name: 'lesson sections: ``` lines', generate: (size) => repeat('```\n', size), run: (m, text) => m.parseLessonSections(text).length },
  {
    name: 'plan check: field + spaces + U+2028',
    generate: (size) => '<!-- collab:needs -->\n- **My need**:' + ' '.repeat(size - 40) + '\u2028x\n',
    run: (m, text) => m.checkPlan(text, { today: new Date(2026, 0, 1) }).findings.length,
  },
  {
    name: 'plan check: open check-ins',
    generate: (size) => '<!-- collab:workload -->\n' + repeat('- [ ] 2026-01-05 Rebalance\n', size - 26),
    run: (m, text) => m.checkPlan(text, { today: new Date(2026, 5, 1) }).findings.length,
  },
  {
    name: 'plan check: markers, fences and comments',
    generate: (size) => repeat('<!-- collab:needs -->\n```npm ci``` x\n\t<!-- collab:x -->\n<!--\n<!-- collab:y -->\n-->\n| a \\| b | c |\n|---|---|\n', size),
    run: (m, text) => m.checkPlan(text, { today: new Date(2026, 0, 1) }).sections.length,
  },
  {
    name: 'plan check: suppression comments',
    generate: (size) => '<!-- collab:workload -->\n' + repeat('<!-- collab-coach-disable-next-line overdue-checkin -->\n- [ ] 2026-01-05 x\n', size - 26),
    run: (m, text) => m.checkPlan(text, { today: new Date(2026, 5, 1) }).hidden,
  },
  { name: 'file name: long title', generate: (size) => repeat('Équipe 协 😀 ', size), run: (m, text) => m.planFileName(new Date(2026, 0, 1), text).length },
  // Whole units: a cut that leaves `..` or `.` at the end takes the early return, at one size and not another.
  { name: 'plan folder: long setting', generate: (size) => 'a/.. b/'.repeat(Math.floor(size / 7)), run: (m, text) => m.planFolderSegments(text).segments.length },
];

/**
 * Not entry points: the same step (64 KB → 1 MB) for two plain loops over the input, to show what
 * the machine's memory does to any code that builds data in proportion to its input: a JavaScript
 * array of one number per 4 input bytes, and V8's own `String.prototype.replace` escaping every
 * `$` (one in 4 bytes). No target; printed beside the rows.
 */
const CONTROLS = [
  {
    name: 'control (no target): Array.push of one number per 4 input bytes',
    generate: (size) => repeat('word ', size),
    run: (_m, text) => {
      const values = [];
      for (let index = 0; index < text.length / 4; index++) {
        values.push(index);
      }
      return values.length;
    },
  },
  {
    name: "control (no target): V8's String.prototype.replace of every $ (1 in 4 bytes)",
    generate: (size) => repeat('${1:', size),
    run: (_m, text) => text.replace(/\$/g, '\\$&').length,
  },
];

async function buildBundle() {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.dirname(bundleFile), { recursive: true });
  await esbuild.build({
    stdin: { contents: BUNDLE_SOURCE, resolveDir: repoRoot, sourcefile: 'scaling-under-test.ts', loader: 'ts' },
    outfile: bundleFile,
    bundle: true,
    minify: true,
    format: 'cjs',
    platform: 'node',
    // These modules ship in the feature bundle both hosts load (dist/web/extension.js), built for
    // es2022: for node18 esbuild writes some `\p{…}` regex literals as `new RegExp(…)` calls.
    target: 'es2022',
    logLevel: 'silent',
    // As the shipped bundles: the small entity table, no linkify.
    alias: { entities: './src/lesson/namedEntities.ts', 'linkify-it': './src/lesson/linkifyDisabled.ts' },
  });
}

/** Untimed runs before a series: at least this many … */
const WARM_UP_ROUNDS = 3;
/** … and for at least this long, so the series times optimized code and not its tier-up. */
const WARM_UP_MS = 300;
/**
 * Timed runs: at least `rounds`, and more until this much time is timed (up to MAX_ROUNDS), so a
 * family that takes half a millisecond at 64 KB has a median of many runs, not of 15 noisy ones.
 */
const MIN_TIMED_MS = 250;
const MAX_ROUNDS = 400;

/**
 * In the child: the median of back-to-back times of `run` on one text (see MIN_TIMED_MS), and,
 * for the split, the median of the same runs less the collector's pauses that began inside each.
 *
 * One forced GC first, so the series does not pay for an earlier one's garbage, then untimed runs
 * on the same text until V8 has had time to optimize what runs (the first series of a process, at
 * 64 KB, otherwise timed the tier-up in its first rounds: a median above the steady time, which
 * made the ratio look better than it is). No forced GC between rounds: V8 throws away optimized
 * code that embeds objects a full collection freed (`--trace-deopt` says "weak objects"),
 * markdown-it's and ours alike, so a collection before each round timed mostly the tier-up again.
 * Each round still pays for its own garbage: the natural scavenges and collections that its
 * allocation triggers fall inside it.
 */
async function timeOf(run, text, rounds) {
  global.gc();
  const warmUpStarted = performance.now();
  for (let round = 0; round < WARM_UP_ROUNDS || performance.now() - warmUpStarted < WARM_UP_MS; round++) {
    run(text);
  }
  const spans = [];
  let timed = 0;
  gcPauses.length = 0;
  const faultsBefore = process.resourceUsage().minorPageFault;
  for (let round = 0; round < rounds || (timed < MIN_TIMED_MS && round < MAX_ROUNDS); round++) {
    const started = performance.now();
    run(text);
    const ended = performance.now();
    spans.push([started, ended]);
    timed += ended - started;
  }
  // Memory V8 takes fresh from the system (large objects, a grown heap) costs a page fault per 4 KB.
  const pageFaults = (process.resourceUsage().minorPageFault - faultsBefore) / spans.length;
  return { time: medianOf(spans.map(([started, ended]) => ended - started)), withoutGc: medianOf(await withoutGcPauses(spans)), pageFaults };
}

const medianOf = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The garbage collector's pauses on the main thread (Node reports each as a 'gc' performance entry). */
const gcPauses = [];

/** Each timed run's time less the collector's pauses that began inside it (entries arrive after the runs). */
async function withoutGcPauses(spans) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  const pauses = [...gcPauses];
  return spans.map(([started, ended]) => {
    const paused = pauses.filter((pause) => pause.startTime >= started && pause.startTime < ended).reduce((sum, pause) => sum + pause.duration, 0);
    return Math.max(ended - started - paused, 0);
  });
}

/**
 * One family at 64 KB and 1 MB, and, for scale, markdown-it merely parsing the same two texts: a
 * linear parser that allocates as much pays for the step from V8's young to its old generation too.
 */
async function childMain(index) {
  new PerformanceObserver((list) => gcPauses.push(...list.getEntries().map((entry) => ({ startTime: entry.startTime, duration: entry.duration })))).observe({ entryTypes: ['gc'] });
  const modules = require(bundleFile);
  const MarkdownIt = require('markdown-it');
  const md = new MarkdownIt();
  const family = index < 0 ? CONTROLS[-index - 1] : FAMILIES[index];
  const small = family.generate(SMALL);
  const middle = family.generate(MIDDLE);
  const large = family.generate(LARGE);
  const run = (text) => family.run(modules, text);
  const parse = (text) => md.parse(text, {});
  const series = {
    small: await timeOf(run, small, SMALL_ROUNDS),
    middle: await timeOf(run, middle, MIDDLE_ROUNDS),
    large: await timeOf(run, large, LARGE_ROUNDS),
    referenceSmall: await timeOf(parse, small, SMALL_ROUNDS),
    referenceLarge: await timeOf(parse, large, LARGE_ROUNDS),
  };
  /** One measure of every series, by series name. */
  const each = (measure) => Object.fromEntries(Object.entries(series).map(([key, value]) => [key, value[measure]]));
  process.stdout.write(JSON.stringify({ ...each('time'), withoutGc: each('withoutGc'), pageFaults: each('pageFaults') }));
  process.exit(0);
}

/** Measures every family (or those whose name contains `only`); one row each. */
async function measureScaling({ only, log = () => {} } = {}) {
  await buildBundle();
  const rows = [];
  for (const [index, family] of [...FAMILIES.entries(), ...CONTROLS.map((control, at) => [-at - 1, control])]) {
    if (only && !family.name.includes(only)) {
      continue;
    }
    log(`scaling: ${family.name}`);
    const result = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', String(index)], {
      encoding: 'utf8',
      timeout: ROW_TIME_LIMIT_MS,
      maxBuffer: 1024 * 1024,
    });
    if (result.status !== 0) {
      const why = result.error && result.error.code === 'ETIMEDOUT' ? `over ${ROW_TIME_LIMIT_MS / 1000} s` : (result.stderr || '').trim().split('\n')[0];
      rows.push({ name: family.name, small: null, large: null, ratio: null, doubling: null, referenceRatio: null, ratioWithoutGc: null, referenceRatioWithoutGc: null, met: index < 0 ? null : false, note: why });
      continue;
    }
    const { small, middle, large, referenceSmall, referenceLarge, withoutGc, pageFaults } = JSON.parse(result.stdout);
    const ratio = large / Math.max(small, 0.001);
    const doubling = large / Math.max(middle, 0.001);
    const referenceRatio = referenceLarge / Math.max(referenceSmall, 0.001);
    // For the split only: the same ratios with V8's collector pauses taken out of each run.
    const ratioWithoutGc = withoutGc.large / Math.max(withoutGc.small, 0.001);
    const referenceRatioWithoutGc = withoutGc.referenceLarge / Math.max(withoutGc.referenceSmall, 0.001);
    rows.push({ name: family.name, small, large, ratio, doubling, referenceRatio, ratioWithoutGc, referenceRatioWithoutGc, pageFaults, met: index < 0 ? null : ratio <= TARGET });
  }
  return rows;
}

/** Minor page faults per timed run, 64 KB → 1 MB, ours and md.parse's. */
function pageFaultText(pageFaults) {
  if (!pageFaults) {
    return '—';
  }
  const count = (value) => Math.round(value).toLocaleString('en-US');
  return `ours ${count(pageFaults.small)} → ${count(pageFaults.large)}, md.parse ${count(pageFaults.referenceSmall)} → ${count(pageFaults.referenceLarge)}`;
}

function printScaling(rows) {
  const table = [['Entry point / pathological family', '64 KB', '1 MB', '1 MB ÷ 64 KB', `≤ ${TARGET}`, '1 MB ÷ 512 KB', 'md.parse: 1 MB ÷ 64 KB', 'without GC pauses: ours, md.parse', 'page faults per run, 64 KB → 1 MB']];
  for (const row of rows) {
    table.push([
      row.name,
      row.small === null ? '—' : `${row.small.toFixed(2)} ms`,
      row.large === null ? row.note : `${row.large.toFixed(1)} ms`,
      row.ratio === null ? '—' : row.ratio.toFixed(1),
      row.met === null ? '—' : row.met ? 'yes' : 'NO',
      row.doubling === null ? '—' : row.doubling.toFixed(2),
      row.referenceRatio === null ? '—' : row.referenceRatio.toFixed(1),
      row.ratioWithoutGc === null ? '—' : `${row.ratioWithoutGc.toFixed(1)}, ${row.referenceRatioWithoutGc.toFixed(1)}`,
      pageFaultText(row.pageFaults),
    ]);
  }
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => String(cells[column]).length)));
  for (const cells of table) {
    console.log(cells.map((cell, column) => String(cell).padEnd(widths[column])).join('  '));
  }
}

module.exports = { FAMILIES, TARGET, measureScaling, printScaling, pageFaultText };

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    childMain(Number(args[1])).catch((error) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exit(1);
    });
  } else {
    const onlyIndex = args.indexOf('--only');
    const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
    measureScaling({ only, log: (message) => console.error(message) }).then(
      (rows) => {
        printScaling(rows);
        const missed = rows.filter((row) => row.met === false);
        console.log(missed.length ? `scaling targets missed: ${missed.length}` : 'every scaling target met');
        process.exit(missed.length ? 1 : 0);
      },
      (error) => {
        console.error(`scaling bench could not run: ${error instanceof Error ? error.stack : error}`);
        process.exit(2);
      },
    );
  }
}
