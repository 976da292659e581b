// Runs in its own Node process (with --expose-gc when it can) for the workspace rows of the bench:
// the real PlanIndex and PlansTree, bundled, on a `vscode` stand-in over a generated workspace.
// Prints one JSON line.
//   node --expose-gc workspace-child.js <bundle> <empty folder> <plans> <others> <excluded> <list rounds> <edit rounds>
//
// 1. Every plan listed: a fresh index and tree, getChildren() until the plan rows are back, vs
//    reading the same files with Node fs and parsing the plans with markdown-it (md.parse).
// 2. One edited plan: a watcher change event on a rewritten plan, from the end of the index's
//    debounce until the index fires onDidChange with the new report, vs one check of that file
//    (workspace.fs.readFile, decoding, checkPlan); then the same edit made in the editor (the
//    coach's check of the open document, which the index takes as it is) vs checkPlan of the text.
// 3. Heap held by the index after a scan.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const MarkdownIt = require('markdown-it');
const { installWorkspaceStandIn } = require('./workspace-stand-in');
const { writeWorkspace, editedText } = require('./workspace-fixture');

const [bundleArg, rootArg, plansArg, othersArg, excludedArg, listRoundsArg, editRoundsArg] = process.argv.slice(2);
const root = path.resolve(rootArg);
const listRounds = Number(listRoundsArg);
const editRounds = Number(editRoundsArg);
const repoRoot = path.join(__dirname, '..', '..');
/** PlanIndex's WATCH_DEBOUNCE_MS: the edit rounds time from the moment this timer fires. */
const INDEX_DEBOUNCE_MS = 300;
/** planScanner's READ_CONCURRENCY: the reference reads as many files at a time. */
const SCANNER_CONCURRENCY = 32;

const standIn = installWorkspaceStandIn(root);
const { Uri } = standIn.vscode;
const m = require(path.resolve(bundleArg));
const workspace = writeWorkspace(root, { plans: Number(plansArg), others: Number(othersArg), excluded: Number(excludedArg) }, m.generateLargePlan);
const md = new MarkdownIt();
const extensionUri = Uri.file(repoRoot);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const collect = typeof globalThis.gc === 'function' ? () => (globalThis.gc(), globalThis.gc()) : () => undefined;
const logged = { info: [], problems: [] };
const log = {
  info: (message) => logged.info.push(message),
  warn: (message) => logged.problems.push(message),
  error: (message, error) => logged.problems.push(`${message} ${error instanceof Error ? error.message : String(error ?? '')}`),
};
const answeredOf = (report) => report.sections.reduce((sum, section) => sum + section.answered, 0);

/** What the view's host is asked to do by the tree; records when. */
function viewHost() {
  const host = { badgeAt: null, refreshedAt: null, badge: null };
  host.setBadge = (count) => {
    host.badgeAt = now();
    host.badge = count;
  };
  host.refresh = () => {
    host.refreshedAt = now();
  };
  return host;
}

/** A coach as the extension wires it (templates, open-document reports, index, tree), `listener` first on the index. */
function createCoach(listener) {
  const templates = new m.CoachTemplates(new m.TemplateCatalogue(extensionUri, log));
  const reports = new m.PlanReports(templates);
  const index = new m.PlanIndex(templates, reports, log);
  const watcher = standIn.watchers[standIn.watchers.length - 1];
  const listening = index.onDidChange(listener);
  const host = viewHost();
  const tree = new m.PlansTree(index, host);
  const dispose = () => [tree, listening, index, reports].forEach((item) => item.dispose());
  return { templates, reports, index, watcher, host, tree, dispose };
}

function expectPlanRows(rows, what) {
  const plans = rows.filter((row) => row.kind === 'plan').length;
  if (plans !== workspace.planFiles.length || rows.length !== plans) {
    throw new Error(`${what}: ${plans} plan rows (${rows.length} rows) for ${workspace.planFiles.length} plans`);
  }
}

/** The Plans view opened on a fresh coach: templates, scan, badge, rows — all of it timed. */
async function listOnce() {
  let changedAt = null;
  const started = now();
  const coach = createCoach(() => (changedAt ??= now()));
  const rows = await coach.tree.getChildren();
  const done = now();
  expectPlanRows(rows, 'Plans view');
  const findFiles = standIn.timing.findFiles_ms[standIn.timing.findFiles_ms.length - 1];
  coach.dispose();
  return {
    total: done - started,
    findFiles,
    // From the start until the scan's onDidChange: templates, findFiles, reading, checking.
    scan: changedAt - started,
    // The tree's badge (it summarizes every plan when the index changes).
    badge: coach.host.badgeAt - changedAt,
    // getChildren's own rows once the scan is done.
    rows: done - coach.host.badgeAt,
  };
}

/** Reads files with fs.promises, `concurrency` at a time, as the index's scanner does; texts in order. */
async function readAsync(files, concurrency) {
  const texts = new Array(files.length);
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const index = next++;
      texts[index] = await fs.promises.readFile(files[index], 'utf8');
    }
  };
  await Promise.all(Array.from({ length: concurrency }, reader));
  return texts;
}

/**
 * The reference: read the same files with Node fs and parse the plans with markdown-it.
 * - It reads the 5,000 other Markdown files as well: no index can know a file holds no plan
 *   without reading it.
 * - It reads asynchronously (fs.promises, as many at a time as the scanner): an extension reads
 *   user files through workspace.fs, which only reads asynchronously, so no conforming index can
 *   pay less. Synchronous reads are timed too, so the split shows the ratio against the cheapest
 *   reads Node has, and against the plans alone.
 * - Listing the files is left out (the reference is given the paths): whatever the index spends
 *   finding them counts against it.
 */
async function referenceOnce() {
  const files = [...workspace.planFiles, ...workspace.otherFiles];
  const started = now();
  const texts = await readAsync(files, SCANNER_CONCURRENCY);
  const readAsyncDone = now();
  workspace.planFiles.forEach((file) => fs.readFileSync(file, 'utf8'));
  const plansRead = now();
  workspace.otherFiles.forEach((file) => fs.readFileSync(file, 'utf8'));
  const othersRead = now();
  let tokens = 0;
  for (let index = 0; index < workspace.planFiles.length; index++) {
    tokens += md.parse(texts[index], {}).length;
  }
  const parsed = now();
  if (!tokens || texts.some((text) => typeof text !== 'string')) {
    throw new Error('the reference read or parsed nothing');
  }
  const parse = parsed - othersRead;
  return {
    total: readAsyncDone - started + parse,
    readAsync: readAsyncDone - started,
    readPlans: plansRead - readAsyncDone,
    readOthers: othersRead - plansRead,
    parse,
  };
}

/**
 * Where the index's time goes, for the split (not part of any ratio): the templates loaded, the
 * files found and read through the index's own scanner without checking, and checkPlan over the
 * plan texts alone.
 */
async function scanParts() {
  const started = now();
  const templates = new m.CoachTemplates(new m.TemplateCatalogue(extensionUri, log));
  const { knowledge } = await templates.load();
  const loaded = now();
  const files = await m.findMarkdownFiles(log);
  const found = now();
  const texts = [];
  await m.readPlanFiles(files, log, 'after-read', (_uri, read) => read.kind === 'plan' && texts.push(read.text));
  const read = now();
  const today = new Date();
  for (const text of texts) {
    m.checkPlan(text, { today, language: 'en', knowledge, severities: {} });
  }
  const checked = now();
  for (const text of texts) {
    md.parse(text, {});
  }
  const parsed = now();
  if (texts.length !== workspace.planFiles.length) {
    throw new Error(`the scanner read ${texts.length} plans, not ${workspace.planFiles.length}`);
  }
  return { templates: loaded - started, findFiles: found - loaded, read: read - found, check: checked - read, parse: parsed - checked };
}

async function listRoundsMeasured() {
  const first = { ours: await listOnce(), reference: await referenceOnce() };
  const ours = [];
  const reference = [];
  for (let round = 0; round < listRounds; round++) {
    // Alternate which goes first; a collection before each, so neither pays for the other's garbage,
    // then one untimed round: the collection makes V8 drop optimized code ("weak objects"), and the
    // timed round should not pay for compiling it again.
    for (const which of round % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']) {
      const once = which === 'ours' ? listOnce : referenceOnce;
      collect();
      await once();
      (which === 'ours' ? ours : reference).push(await once());
    }
  }
  const parts = [];
  for (let round = 0; round < 3; round++) {
    collect();
    await scanParts();
    parts.push(await scanParts());
  }
  return { first, ours, reference, parts };
}

/** Heap held by a scanned index (templates loaded before the baseline), then by the tree's rows too. */
async function memoryHeld(editState) {
  // The edit rounds' listener comes first on the index, before the tree's own (which summarizes every plan).
  const coach = createCoach(() => editState.onChange());
  await coach.templates.load();
  collect();
  const before = process.memoryUsage().heapUsed;
  await coach.index.ensureScanned();
  collect();
  const scanned = process.memoryUsage().heapUsed;
  const rows = await coach.tree.getChildren();
  collect();
  const listed = process.memoryUsage().heapUsed;
  expectPlanRows(rows, 'memory pass');
  return { coach, memory: { gc: typeof globalThis.gc === 'function', index: scanned - before, rows: listed - scanned, plans: rows.length } };
}

/** Makes the index's debounce timer say when it fired (the callback runs as before). */
function watchDebounce(onFired) {
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = function (callback, delay, ...rest) {
    if (delay === INDEX_DEBOUNCE_MS && typeof callback === 'function') {
      return realSetTimeout(() => {
        onFired(now());
        callback(...rest);
      }, delay);
    }
    return realSetTimeout(callback, delay, ...rest);
  };
  return () => (globalThis.setTimeout = realSetTimeout);
}

/** When the index's entry for `uri` first satisfies `isNew` after a change event: the time it did. */
function rowUpdated(coach, state, uri, isNew) {
  return new Promise((resolve) => {
    state.onChange = () => {
      const plan = coach.index.get(uri);
      if (plan && isNew(plan)) {
        state.onChange = () => undefined;
        resolve(now());
      }
    };
  });
}

/** One edit: rewrite the plan, fire the watcher, wait for the index's new report, then the tree's rows again. */
async function editOnce(coach, state, text, expectedAnswered) {
  fs.writeFileSync(workspace.editedPlan, text);
  const uri = Uri.file(workspace.editedPlan);
  const previous = coach.index.get(uri);
  state.debounceEndedAt = null;
  const updated = rowUpdated(coach, state, uri, (plan) => plan !== previous && answeredOf(plan.report) === expectedAnswered);
  standIn.timing.fs_ms = 0;
  standIn.timing.recordFs = true;
  const eventAt = now();
  coach.watcher.fireChange(uri);
  const changedAt = await updated;
  standIn.timing.recordFs = false;
  const rows = await coach.tree.getChildren();
  const listedAt = now();
  const row = rows.find((candidate) => candidate.uri.toString() === uri.toString());
  if (!row || row.summary.answered !== expectedAnswered) {
    throw new Error(`the edited plan's row shows ${row ? row.summary.answered : 'nothing'} answered, not ${expectedAnswered}`);
  }
  if (state.debounceEndedAt === null) {
    throw new Error(`no ${INDEX_DEBOUNCE_MS} ms timer fired: has PlanIndex's debounce changed?`);
  }
  return {
    total: changedAt - state.debounceEndedAt,
    wait: state.debounceEndedAt - eventAt,
    // workspace.fs calls for the plan: readFile (a known plan gets no stat first), on the stand-in over fs.promises.
    fs: standIn.timing.fs_ms,
    // The badge the tree recomputes over every plan when the index changes, then getChildren again.
    listed: listedAt - state.debounceEndedAt,
  };
}

/**
 * One edit in the editor: the coach's reports check the open document, as the plan watcher asks at
 * the end of its debounce; from that call until the index fires onDidChange with the new report.
 */
async function editorEditOnce(coach, state, text, expectedAnswered) {
  const uri = Uri.file(workspace.editedPlan);
  const previous = coach.index.get(uri);
  const updated = rowUpdated(coach, state, uri, (plan) => plan !== previous && plan.fromEditor && answeredOf(plan.report) === expectedAnswered);
  state.version += 1;
  const document = { uri, fileName: workspace.editedPlan, languageId: 'markdown', version: state.version, isClosed: false, isUntitled: false, getText: () => text };
  const started = now();
  coach.reports.check(document, 'edit');
  const total = (await updated) - started;
  // The tree's own listener (the badge over every plan) runs on the same event: let it finish untimed.
  await coach.tree.getChildren();
  return { total };
}

/**
 * Edits alternate with the reference (which goes first alternates too); round -1 warms up. The
 * reference is one check of the plan as the coach makes it: for an edit in the editor, checkPlan of
 * the document's text; for a file changed on disk (`readsFile`), reading the file through
 * workspace.fs and decoding it as the scanner does, then checkPlan, as *Check All Plans* checks a
 * plan no editor holds. Each reference sample keeps its read and its check apart.
 */
async function alternateWithCheck(coach, state, edit, { readsFile }) {
  const original = fs.readFileSync(workspace.editedPlan, 'utf8');
  const { knowledge } = await coach.templates.load();
  const check = (text) => m.checkPlan(text, { today: new Date(), language: 'en', knowledge, severities: {} });
  const uri = Uri.file(workspace.editedPlan);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const ours = [];
  const reference = [];
  try {
    // The answer is emptied, filled, emptied…: every edit changes the row.
    for (let round = -1; round < editRounds; round++) {
      const text = editedText(original, (round + 1) % 2 === 1);
      const expected = answeredOf(check(text));
      const timeCheck = async () => {
        if (readsFile) {
          fs.writeFileSync(workspace.editedPlan, text);
          // The index's update starts after its debounce, an idle wait the process may spend off
          // the CPU (caches cold again): the reference starts after the same wait.
          await new Promise((resolve) => setTimeout(resolve, INDEX_DEBOUNCE_MS));
        }
        const started = now();
        const checked = readsFile ? decoder.decode(await standIn.vscode.workspace.fs.readFile(uri)) : text;
        const read = now();
        check(checked);
        const ended = now();
        return { total: ended - started, read: read - started, check: ended - read };
      };
      collect();
      // Whatever runs first after a collection pays for the heap growing again; neither side should.
      check(text);
      let measured;
      let checked;
      if (round % 2 === 0) {
        measured = await edit(coach, state, text, expected);
        checked = await timeCheck();
      } else {
        checked = await timeCheck();
        measured = await edit(coach, state, text, expected);
      }
      if (round >= 0) {
        ours.push(measured);
        reference.push(checked);
      }
    }
  } finally {
    fs.writeFileSync(workspace.editedPlan, original);
  }
  return { ours, reference, lines: original.split('\n').length, chars: original.length };
}

async function editRoundsMeasured(coach, state) {
  const restore = watchDebounce((at) => (state.debounceEndedAt = at));
  try {
    return await alternateWithCheck(coach, state, editOnce, { readsFile: true });
  } finally {
    restore();
  }
}

async function main() {
  const list = await listRoundsMeasured();
  const editState = { onChange: () => undefined, debounceEndedAt: null };
  const { coach, memory } = await memoryHeld(editState);
  const edit = await editRoundsMeasured(coach, editState);
  // After the file rounds: once the editor's text counts, changes on disk wait for the editor to close.
  editState.version = 0;
  const editorEdit = await alternateWithCheck(coach, editState, editorEditOnce, { readsFile: false });
  coach.dispose();
  return {
    workspace: {
      plans: workspace.planFiles.length,
      others: workspace.otherFiles.length,
      excluded: workspace.excludedFiles,
      planBytes: workspace.planBytes,
      otherBytes: workspace.otherBytes,
    },
    list,
    memory,
    edit,
    editorEdit,
    scanLog: logged.info.filter((line) => line.startsWith('Plans:')).slice(-1)[0] || null,
    problems: logged.problems.slice(0, 5),
  };
}

main().then(
  (result) => {
    process.stdout.write(JSON.stringify(result));
    process.exit(0);
  },
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exit(1);
  },
);
