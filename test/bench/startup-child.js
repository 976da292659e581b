// Runs in a fresh Node process for the startup row: installs the `vscode` stand-in, then times
// `require(bundle)` and `activate(context)`, then what activation left for the next task. Prints one JSON line.
//   node startup-child.js <bundle> <extensionFolder> [--check]
// With --check it also lets activation settle and reports which modules were loaded, then runs
// the lesson command once as a positive control (it must load the feature bundle, dist/web/extension.js).
'use strict';
const path = require('node:path');
const { install, createContext } = require('./vscode-stand-in');

const [bundleArg, folderArg, mode] = process.argv.slice(2);
const bundle = path.resolve(bundleArg);
const folder = path.resolve(folderArg);
const { record, countCalls } = install();
const counted = mode === '--check';
const context = createContext(folder);
const ms = (from, to) => Number(to - from) / 1e6;

// Counting costs a little, so only the --check sample (which is not timed for the table) counts.
countCalls(counted);
const t0 = process.hrtime.bigint();
const extension = require(bundle);
const t1 = process.hrtime.bigint();
const api = extension.activate(context);
const t2 = process.hrtime.bigint();
const apiCalls = countCalls(false);

const result = {
  require_ms: ms(t0, t1),
  activate_ms: ms(t1, t2),
  total_ms: ms(t0, t2),
  commands: record.commands.size,
  statusItems: record.statusItems.length,
  ...(counted ? { apiCalls } : {}),
};

function loadedFiles() {
  return Object.keys(require.cache).filter((key) => !key.startsWith('\0'));
}

async function check() {
  // Let the background work of activation (the tips file, its render) finish.
  if (api && api.tip && api.tip.ready) {
    await api.tip.ready;
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  const distDir = path.dirname(bundle);
  const relative = (file) => path.relative(distDir, file).split(path.sep).join('/');
  result.loadedAfterActivate = loadedFiles().filter((file) => file.startsWith(distDir)).map(relative);
  result.markdownItLoaded = loadedFiles().some((file) => /[\\/]markdown-it(?:[\\/]|\.js$)/.test(file));
  result.statusItemText = record.statusItems.map((item) => String(item.text));
  const openLesson = record.commands.get('collabCoach.openLesson');
  if (openLesson) {
    try {
      await openLesson();
    } catch (error) {
      result.openLessonError = String(error && error.message ? error.message : error).slice(0, 200);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    result.loadedAfterOpenLesson = loadedFiles().filter((file) => file.startsWith(distDir)).map(relative);
  }
}

/**
 * What activation left for the next task (ours: loading src/features.ts's file and starting the
 * tip, the plan watcher and the timers): from activate's return to a timer set just after it,
 * which runs after any timer activate set for 0 ms.
 */
function nextTask() {
  return new Promise((resolve) =>
    setTimeout(() => {
      result.next_task_ms = ms(t2, process.hrtime.bigint());
      resolve();
    }, 0),
  );
}

(mode === '--check' ? check() : nextTask()).then(
  () => {
    process.stdout.write(JSON.stringify(result));
    process.exit(0);
  },
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exit(1);
  },
);
