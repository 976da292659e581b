// The workspace rows of `npm run bench` (issue 12): the Plans view over a generated workspace of
// 1,000 plans and 5,000 other Markdown files. The real PlanIndex, PlansTree and their coach units
// are bundled as they ship and run on plain Node over a `vscode` stand-in (workspace-stand-in.js)
// in workspace-child.js; the workspace lives in a temp folder deleted afterwards.
// run-bench.js calls measureWorkspace() and workspaceRows().
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const esbuild = require('esbuild');
const { median } = require('./report');

const repoRoot = path.resolve(__dirname, '..', '..');
const PLANS = 1000;
const OTHERS = 5000;
/** Markdown files (plans among them) under node_modules, which the index must leave out. */
const EXCLUDED = 100;
const LIST_TARGET = 1.5;
const EDIT_TARGET = 1.2;

const BUNDLE_SOURCE = `
export { PlanIndex } from './src/plan/vscode/planIndex';
export { PlansTree } from './src/plan/vscode/plansTree';
export { PlanReports } from './src/plan/vscode/planReports';
export { CoachTemplates } from './src/plan/vscode/coachTemplates';
export { TemplateCatalogue } from './src/plan/vscode/templateCatalogue';
export { findMarkdownFiles, readPlanFiles } from './src/plan/vscode/planScanner';
export { checkPlan } from './src/plan/checker';
export { generateLargePlan } from './test/fixtures/plans/generate';
`;

const msText = (value) => (value === null || value === undefined ? '—' : `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`);
const count = (value) => value.toLocaleString('en-US');
const part = (list, key) => median(list.map((entry) => (key ? entry[key] : entry)));

/**
 * Bundles the index with the build options of the shipped coach (`build`, minified, `vscode`
 * external), writes the workspace, runs the child, deletes the workspace.
 */
async function measureWorkspace({ log, build, outDir, listRounds = 9, editRounds = 21 }) {
  const bundle = path.join(outDir, 'workspace-under-test.js');
  try {
    await esbuild.build({
      stdin: { contents: BUNDLE_SOURCE, resolveDir: repoRoot, sourcefile: 'workspace-under-test.ts', loader: 'ts' },
      outfile: bundle,
      ...build,
    });
  } catch (error) {
    return { available: false, reason: `not available: bundling the index failed (${String(error.message || error).split('\n')[0]})` };
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'collab-coach-bench-workspace-'));
  log(`workspace: ${count(PLANS)} plans + ${count(OTHERS)} other Markdown files in ${root}, ${listRounds} listing rounds, ${editRounds} edit rounds`);
  try {
    const args = ['--expose-gc', path.join(__dirname, 'workspace-child.js'), bundle, root, PLANS, OTHERS, EXCLUDED, listRounds, editRounds].map(String);
    const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (result.status !== 0) {
      return { available: false, reason: `not available: the workspace child failed (${(result.stderr || '').trim().split('\n')[0]})` };
    }
    return { available: true, ...JSON.parse(result.stdout) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function listRow(data) {
  const { ours, reference, parts } = data.list;
  const ratios = ours.map((sample, index) => sample.total / reference[index].total);
  const syncReads = ours.map((sample, index) => sample.total / (reference[index].readPlans + reference[index].readOthers + reference[index].parse));
  const plansOnly = ours.map((sample, index) => sample.total / (reference[index].readPlans + reference[index].parse));
  const ratio = median(ratios);
  return {
    id: 'workspace-list',
    what: `Plans view: every plan listed (${count(data.workspace.plans)} plans + ${count(data.workspace.others)} other .md; fresh index + tree, getChildren())`,
    ours: msText(part(ours, 'total')),
    reference: `${msText(part(reference, 'total'))} (fs.promises reads all ${count(data.workspace.plans + data.workspace.others)} files, 32 at a time as the scanner, + md.parse of the plans)`,
    ratio,
    target: `≤ ${LIST_TARGET}×`,
    met: ratio <= LIST_TARGET,
    split:
      `ours: templates + findFiles (stand-in walk ${msText(part(ours, 'findFiles'))}) + read + check until the scan's change ${msText(part(ours, 'scan'))}, ` +
      `badge over every plan ${msText(part(ours, 'badge'))}, rows ${msText(part(ours, 'rows'))}; ` +
      `reference: fs.promises reads ${msText(part(reference, 'readAsync'))}, md.parse ${msText(part(reference, 'parse'))}; ` +
      `against synchronous reads instead (readFileSync: the plans ${msText(part(reference, 'readPlans'))}, the others ${msText(part(reference, 'readOthers'))}) ${median(syncReads).toFixed(2)}×, ` +
      `against the plans alone (readFileSync + parse) ${median(plansOnly).toFixed(2)}×; first round ${msText(data.list.first.ours.total)} vs ${msText(data.list.first.reference.total)}; ` +
      `the index's parts run apart: templates ${msText(part(parts, 'templates'))}, findFiles ${msText(part(parts, 'findFiles'))}, ` +
      `reading the ${count(data.workspace.plans + data.workspace.others)} files through its scanner ${msText(part(parts, 'read'))}, checkPlan of the plans ${msText(part(parts, 'check'))} (md.parse of them right after: ${msText(part(parts, 'parse'))})`,
  };
}

function editRows(data) {
  const { ours, reference } = data.edit;
  const ratio = median(ours.map((sample, index) => sample.total / reference[index].total));
  const againstCheckAlone = median(ours.map((sample, index) => sample.total / reference[index].check));
  const listedRatio = median(ours.map((sample, index) => sample.listed / reference[index].total));
  const wait = part(ours, 'wait');
  const editor = data.editorEdit;
  const editorRatio = median(editor.ours.map((sample, index) => sample.total / editor.reference[index].total));
  return [
    {
      id: 'workspace-edit-editor',
      what: "Plans view: one plan edited in the editor, its row updated (from the coach's check of the open document, at the end of the watcher's debounce, to the index's onDidChange with the new report)",
      ours: msText(part(editor.ours, 'total')),
      reference: `${msText(part(editor.reference, 'total'))} (one checkPlan of the text, ${editor.lines} lines, same knowledge)`,
      ratio: editorRatio,
      target: `≤ ${EDIT_TARGET}×`,
      met: editorRatio <= EDIT_TARGET,
      split: "the index takes the report the coach made for the open document: no read, no second check",
    },
    {
      id: 'workspace-edit',
      what: "Plans view: one plan changed on disk (a pull, another editor), its row updated (from the end of the index's 300 ms debounce to onDidChange with the new report)",
      ours: msText(part(ours, 'total')),
      reference:
        `${msText(part(reference, 'total'))} (one check of the file as Check All Plans makes it for a plan no editor holds: ` +
        `workspace.fs.readFile ${msText(part(reference, 'read'))} with the decoding, then checkPlan ${msText(part(reference, 'check'))}; ${data.edit.lines} lines, same knowledge)`,
      ratio,
      target: `≤ ${EDIT_TARGET}×`,
      met: ratio <= EDIT_TARGET,
      split:
        `the watcher event → the debounce timer firing ${msText(wait)} is not counted (the child timestamps the index's 300 ms timer when it fires); ` +
        `counted: workspace.fs ${msText(part(ours, 'fs'))} (readFile; a known plan is read without a stat first), the check and the event; ` +
        `against checkPlan alone, without the read: ${againstCheckAlone.toFixed(2)}×`,
    },
    {
      id: 'workspace-edit-listed',
      what: '  the same until the tree lists its rows again (badge over every plan + getChildren), for scale',
      ours: msText(part(ours, 'listed')),
      reference: msText(part(reference, 'total')),
      ratio: listedRatio,
      target: '—',
      met: null,
    },
  ];
}

function memoryRow(data) {
  const { memory, workspace } = data;
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  return {
    id: 'workspace-memory',
    what: `Memory held by the index (${count(workspace.plans)} plan reports; heap after the scan − before${memory.gc ? ', after a forced GC' : ', no GC available'})`,
    ours: `${(memory.index / 1024 / 1024).toFixed(1)} MB (${kb(memory.index / workspace.plans)} a plan)`,
    reference: `plan files on disk ${(workspace.planBytes / 1024 / 1024).toFixed(1)} MB; the tree's rows add ${(memory.rows / 1024 / 1024).toFixed(1)} MB`,
    ratio: null,
    target: 'reported',
    met: null,
  };
}

/** The workspace rows for run-bench.js's table. */
function workspaceRows(data) {
  if (!data) {
    return [];
  }
  if (!data.available) {
    return [{ id: 'workspace-list', what: 'Plans view over a generated workspace', ours: data.reason, reference: '—', ratio: null, target: `≤ ${LIST_TARGET}×`, met: null }];
  }
  const rows = [listRow(data), ...editRows(data), memoryRow(data)];
  if (data.problems.length) {
    rows[0].split = `${rows[0].split}; the index logged: ${data.problems.join(' | ')}`;
  }
  return rows;
}

module.exports = { measureWorkspace, workspaceRows };
