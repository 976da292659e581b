// The rows of `npm run bench` (run-bench.js measures; this turns its results into rows): each
// figure with its reference, ratio, target and, for a missed target, the split that explains it;
// printed as a table and written as Markdown.
'use strict';
const { median } = require('./report');
/** The feature bundle, which must carry markdown-it (the control of the signature search). */
const { COMPLETE_BUNDLE } = require('../../esbuild.js');
const { pageFaultText } = require('./scaling');

const KB = 1024;
const ENTRY_BUDGET = 10 * KB;
const VSIX_BUDGET = 200 * KB;
/** The browser bundle's size when issue 14 was filed: it may not grow. */
const WEB_BUNDLE_BUDGET = 217 * KB;
const PLAN_LINES = 5000;
/** Strings every markdown-it bundle carries (checked against the feature bundle, dist/web/extension.js, which must have them all). */
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

function spread(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  return sorted.length ? { median: median(sorted), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length } : null;
}

const fixed = (value, digits) => (value === null || value === undefined ? '—' : value.toFixed(digits));
const msText = (value) => (value === null || value === undefined ? '—' : `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`);
const kbText = (bytes) => `${(bytes / KB).toFixed(1)} KB (${bytes.toLocaleString('en-US')} B)`;

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

/**
 * Where the time goes: until the workbench makes the webview (its host frame starts), until VS Code
 * shows the content frame, until the heading is in it, until painted.
 */
function paintSplit(list) {
  const part = (which, key) => median(list.map((pair) => pair[which][key]));
  const phases = (which) =>
    `webview made ${msText(part(which, 'created_ms'))}, frame shown ${msText(part(which, 'visible_ms'))}, heading in the DOM ${msText(part(which, 'heading_ms'))}, painted ${msText(part(which, 'painted_ms'))}, settled ${msText(part(which, 'settled_ms'))}`;
  const settledRatio = median(list.map((pair) => pair.lesson.settled_ms / pair.empty.settled_ms));
  const fallbacks = list.filter((pair) => pair.lesson.paint_from === 'frames' || pair.empty.paint_from === 'frames').length;
  return (
    `lesson: ${phases('lesson')}; empty: ${phases('empty')} (medians, from the Enter key or the click; painted = the content frame's first contentful paint, settled = two animation frames after the heading was seen: ${ratioText(settledRatio)})` +
    (fallbacks ? `; ${fallbacks} pair(s) without a paint entry, timed by the settled frame` : '')
  );
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
      split: kind.id === 'view-paint' ? `${paintSplit(list)}; ${firstClickSplit(good)}` : paintSplit(list),
    });
  }
  return rows;
}

/** The views' first click in each run against their later clicks: where the sidebar's gap sits. */
function firstClickSplit(good) {
  const first = openPairs(good, 'viewOpens', (round) => round === 1);
  const later = openPairs(good, 'viewOpens', (round) => round > 1);
  const range = (values) => (values.length ? `${Math.min(...values)}–${Math.max(...values)} ms` : '—');
  const pairRatio = (list) => ratioText(median(list.map((pair) => pair.ratio)));
  return (
    `the first click in each run: ours ${range(first.map((pair) => pair.lesson.painted_ms))} against the empty view's ${range(first.map((pair) => pair.empty.painted_ms))} (${pairRatio(first)}); ` +
    `the later clicks ${pairRatio(later)}`
  );
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
  rows.push(budgetRow('vsix', '.vsix size', results.vsixBytes, VSIX_BUDGET));
  return rows;
}

/** A size against its budget (the target is the budget itself). */
function budgetRow(id, what, bytes, budget) {
  return { id, what, ours: kbText(bytes), reference: `budget ${kbText(budget)}`, ratio: bytes / budget, target: `≤ ${budget / KB} KB`, met: bytes <= budget };
}

/** Scaling rows (test/bench/scaling.js): 1 MB ÷ 64 KB of each pathological family, target ≤ 20. */
function scalingRows(scaling) {
  const controls = scaling.filter((row) => row.met === null && row.ratio !== null);
  const controlRatio = controls.length ? controls.map((row) => `${row.ratio.toFixed(1)}×`).join(' and ') : 'not measured';
  return scaling.map((row) => {
    const measured = row.small !== null;
    const beside = measured ? `1 MB ÷ 512 KB: ${row.doubling.toFixed(2)}, linear 2; md.parse: ${row.referenceRatio.toFixed(1)}×` : '';
    const withoutGc =
      measured && typeof row.ratioWithoutGc === 'number'
        ? `; with V8's garbage-collection pauses taken out of each timed run: ${row.ratioWithoutGc.toFixed(1)}× (md.parse ${row.referenceRatioWithoutGc.toFixed(1)}×)`
        : '';
    const faults = measured && row.pageFaults ? `; page faults per run, 64 KB → 1 MB: ${pageFaultText(row.pageFaults)}` : '';
    return {
      id: `scaling: ${row.name}`,
      what: `Scaling, ${row.name}`,
      ours: row.large === null ? row.note : `${msText(row.large)} at 1 MB`,
      reference: measured ? `${msText(row.small)} at 64 KB (${beside})` : '—',
      ratio: row.ratio,
      target: row.met === null ? '—' : '≤ 20×',
      met: row.met,
      split: measured ? `${beside}${withoutGc}${faults}; the controls (Array.push, String.prototype.replace) ${controlRatio}` : undefined,
    };
  });
}

/** Startup on Node, the entry, markdown-it kept out of it, the browser bundle. */
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
  // Two rows for scale, no target: the whole process, and what activation leaves for the next task.
  const forScale = (id, what, key, ratio) => ({
    id,
    what,
    ours: msText(median(startup.samples.ours.map((sample) => sample[key]))),
    reference: msText(median(startup.samples.empty.map((sample) => sample[key]))),
    ratio,
    target: '—',
    met: null,
  });
  rows.push(
    forScale('startup-wall', '  the same, whole process (spawn → exit), for scale', 'wall_ms', median(startup.wallRatios)),
    forScale('startup-next-task', "  what activation leaves for the next task (ours: src/features.ts's file loaded, the tip, plan watcher and timers started), for scale", 'next_task_ms', null),
  );
  rows.push(budgetRow('entry', 'Entry bundle dist/extension.js (minified)', results.entryBytes, ENTRY_BUDGET));
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

module.exports = { buildRows, printTable, ratioText, fixed, KB, PLAN_LINES, MARKDOWN_IT_SIGNATURES, COMPLETE_BUNDLE };
