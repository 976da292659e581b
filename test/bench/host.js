// The real-host rows of `npm run bench`: code-server (VS Code for the browser) driven by Debian's
// Chromium. Each run is a fresh code-server with a fresh profile and both .vsix files installed
// (Collab Coach and test/bench/reference-extension), one page load, and in it:
//   1. "Developer: Show Running Extensions": every activated extension's time as VS Code shows it,
//      and (hovering the time) why it activated;
//   2. lesson first paint: `Collab Coach: Open the Lesson` and `Collab Coach Bench: Open Empty Webview`
//      from the command palette, alternating, from the Enter key to the first heading painted;
//   3. sidebar view paint: a click on the Collab Coach container and on the reference's container
//      (an empty webview view), alternating, from the pointer going down to the first heading painted.
// Odd runs measure the panels first, even runs the sidebar views first, so neither always pays for
// loading the lesson chunk; the first round's order (the first open of a session) alternates from
// run to run as well. The 1-minute load average is read before and after every run.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const { install } = require('../harness/install');
const { startCodeServer, makeWorkspace } = require('../harness/codeServer');
const { launchBrowser } = require('../harness/browser');
const { extensionId } = require('../harness/common');

const OUR_NAME = 'collab-coach';
const REFERENCE_NAME = 'collab-coach-bench-reference';
const REFERENCE_ID = 'qianjinshe-bench.collab-coach-bench-reference';
const LESSON_COMMAND = 'Collab Coach: Open the Lesson';
const EMPTY_COMMAND = 'Collab Coach Bench: Open Empty Webview';
/** The activity-bar entries whose click shows a webview view: ours, the reference's, and one to hide them. */
const OUR_CONTAINER = '.activitybar .action-item a[aria-label^="Collab Coach"], .activitybar .action-label[aria-label^="Collab Coach"]';
const EMPTY_CONTAINER = '.activitybar .action-item a[aria-label^="Bench Empty View"], .activitybar .action-label[aria-label^="Bench Empty View"]';
/** The reference's warm-up panel and view: their own webview origins, so both measured first opens stay first. */
const WARM_UP_COMMAND = 'Collab Coach Bench: Open Warm-up Webview';
const WARM_UP_CONTAINER = '.activitybar .action-item a[aria-label^="Bench Warm-up View"], .activitybar .action-label[aria-label^="Bench Warm-up View"]';
const EXPLORER_CONTAINER = '.activitybar .action-item a[aria-label^="Explorer"], .activitybar .action-label[aria-label^="Explorer"]';

/**
 * Injected into every frame before its own scripts.
 *  - The workbench page records when Enter goes down (the key that runs the palette's command).
 *  - A webview's host frame (…/webview/browser/pre/index.html) watches for VS Code swapping the
 *    content frame in (id=active-frame, visibility visible), then for the first <h1> in it with a
 *    layout box. "Painted" is the content frame's first contentful paint as Chromium's Paint Timing
 *    records it (both pages have their heading in the document before VS Code shows the frame, so
 *    that paint holds the heading); "settled" is the second animation frame after the heading was
 *    seen, which also waits for whatever the page's main thread does next.
 * Times are Date.now(), one clock for all frames of the browser.
 */
const INIT_SCRIPT = `(() => {
  try {
    if (window === window.top) {
      window.__benchEnter = [];
      window.__benchPointer = [];
      window.addEventListener('keydown', (event) => { if (event.key === 'Enter') window.__benchEnter.push(Date.now()); }, true);
      window.addEventListener('pointerdown', () => window.__benchPointer.push(Date.now()), true);
      return;
    }
    if (!location.pathname.endsWith('/webview/browser/pre/index.html')) return;
    const params = new URLSearchParams(location.search);
    const record = { extensionId: params.get('extensionId'), purpose: params.get('purpose'), tCreated: Date.now(), tVisible: null, tHeading: null, tPainted: null, tSettled: null, paintFrom: null, heading: null };
    window.__benchWebview = record;
    let watchedDocument = null;
    const headingIn = (doc) => {
      const heading = doc && doc.querySelector('h1');
      return heading && heading.getBoundingClientRect().height > 0 ? heading : null;
    };
    // The content frame's first contentful paint, on this frame's Date.now() clock (the delta comes
    // from the content frame's own monotonic clock). Without one in 3 s: the settled time, marked so.
    const readPaint = (win, tries) => {
      try {
        const entry = win.performance.getEntriesByType('paint').find((paint) => paint.name === 'first-contentful-paint');
        if (entry) {
          record.tPainted = Math.round(Date.now() - (win.performance.now() - entry.startTime));
          record.paintFrom = 'paint timing';
          return;
        }
      } catch (error) { /* the frame went away */ }
      if (tries < 300) { setTimeout(() => readPaint(win, tries + 1), 10); return; }
      const settled = () => { if (record.tSettled === null) { setTimeout(settled, 10); return; } record.tPainted = record.tSettled; record.paintFrom = 'frames'; };
      settled();
    };
    const found = (heading) => {
      if (record.tHeading !== null) return;
      record.tHeading = Date.now();
      record.heading = heading.textContent.trim().slice(0, 80);
      requestAnimationFrame(() => requestAnimationFrame(() => { record.tSettled = Date.now(); }));
      readPaint(heading.ownerDocument.defaultView, 0);
    };
    const check = () => {
      const frame = document.getElementById('active-frame');
      if (!frame || frame.style.visibility !== 'visible') return;
      if (record.tVisible === null) record.tVisible = Date.now();
      const doc = frame.contentDocument;
      const heading = headingIn(doc);
      if (heading) { found(heading); return; }
      if (doc && doc !== watchedDocument) {
        watchedDocument = doc;
        new MutationObserver(() => { const h = headingIn(doc); if (h) found(h); })
          .observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['id', 'style'] });
  } catch (error) { /* never break the page */ }
})();`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
}

async function closeAllEditors(page) {
  await runCommand(page, 'View: Close All Editors');
  for (let i = 0; i < 100 && (await page.locator('iframe.webview').count()) > 0; i++) {
    await sleep(50);
  }
  await sleep(700);
}

/**
 * Reads "Developer: Show Running Extensions": one row per activated extension, its time as shown
 * ("Startup Activation: 45ms" / "Activation: 12ms") and the hover that says why it activated.
 * The list is virtualised, so it is scrolled through; it re-renders 200 ms after any change.
 */
async function readRunningExtensions(page, waitForLabels) {
  await runCommand(page, 'Developer: Show Running Extensions');
  const list = page.locator('.runtime-extensions-editor .monaco-list');
  await list.locator('.monaco-list-row .activation-time').first().waitFor({ timeout: 30000 });
  for (const label of waitForLabels) {
    await list.locator(`.monaco-list-row[aria-label="${label}"] .activation-time`, { hasText: /\d+\s*ms/ }).waitFor({ timeout: 30000 });
  }
  await sleep(800);
  const readRows = (elements) =>
    elements.map((element) => ({
      label: element.getAttribute('aria-label'),
      position: Number(element.getAttribute('aria-posinset')),
      size: Number(element.getAttribute('aria-setsize')),
      name: element.querySelector('.name') ? element.querySelector('.name').textContent : null,
      time: element.querySelector('.activation-time') ? element.querySelector('.activation-time').textContent : null,
    }));
  const rows = new Map();
  let size = Infinity;
  await list.hover();
  for (const direction of [-1, 1]) {
    for (let i = 0; i < 40; i++) {
      for (const row of await list.locator('.monaco-list-row').evaluateAll(readRows)) {
        rows.set(row.label, row);
        size = row.size;
      }
      if (direction === 1 && rows.size >= size) {
        break;
      }
      await page.mouse.wheel(0, direction * 400);
      await sleep(60);
      if (direction === -1 && i > 3) {
        break;
      }
    }
  }
  const hoverRow = async (row) => {
    const cell = list.locator(`.monaco-list-row[aria-label="${row.label}"] .activation-time`);
    for (let i = 0; i < 40 && (await cell.count()) === 0; i++) {
      await list.hover();
      await page.mouse.wheel(0, (i < 20 ? -1 : 1) * 200);
      await sleep(60);
    }
    const box = await list.boundingBox();
    if (box) {
      await page.mouse.move(box.x + 20, box.y + 20); // a neutral spot lets the previous hover close
    }
    await page.locator('.workbench-hover').waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
    await cell.hover().catch(() => undefined);
    const hover = page.locator('.monaco-hover.workbench-hover', { hasText: /Activat/ }).first();
    row.hover = await hover.waitFor({ timeout: 5000 }).then(() => hover.innerText(), () => null);
  };
  // Hovers take time, so only the ones that decide something: ours, the trivial reference, and the
  // built-ins from the lightest up until one that activated at startup ("Startup Activation" rows
  // say so without a hover). The other rows get their event from Startup Performance later.
  const all = [...rows.values()].map((row) => ({ ...row, ms: parseMs(row.time), hover: null }));
  for (const row of all.filter((entry) => entry.label === OUR_NAME || entry.label === REFERENCE_NAME)) {
    await hoverRow(row);
  }
  const builtIns = all.filter((entry) => entry.label !== OUR_NAME && entry.label !== REFERENCE_NAME && entry.ms !== null).sort((a, b) => a.ms - b.ms);
  for (const row of builtIns) {
    if (/^Startup Activation/.test(row.time || '')) {
      break;
    }
    await hoverRow(row);
    if (/after start-up finished|on start-up\b/.test(row.hover || '')) {
      break;
    }
  }
  await page.mouse.move(5, 300);
  return all.sort((a, b) => a.position - b.position);
}

function parseMs(text) {
  const match = /(\d+(?:\.\d+)?)\s*ms/.exec(text || '');
  return match ? Number(match[1]) : null;
}

/**
 * Who each row is, and whether it activated at startup: eager (`*`, also as a dependency of an eager
 * one) or onStartupFinished. From the hover where one was read, else from Startup Performance's
 * Event column, else unknown (never counted as startup).
 */
function classifyRows(rows, stats) {
  return rows.map((row) => {
    let kind = 'built-in';
    if (row.label === OUR_NAME) {
      kind = 'ours';
    } else if (row.label === REFERENCE_NAME) {
      kind = 'reference';
    }
    const id = kind === 'ours' ? extensionId : kind === 'reference' ? REFERENCE_ID : `vscode.${row.label}`;
    const hover = (row.hover || '').trim();
    const stat = (stats || []).find((entry) => entry.Extension === id);
    let event = 'not read';
    if (/^Startup Activation/.test(row.time || '') || /on start-up\b/.test(hover)) {
      event = 'startup (*)';
    } else if (/after start-up finished/.test(hover)) {
      event = 'onStartupFinished';
    } else if (hover) {
      event = (/ on (\S+)$/.exec(hover) || /because (.*)$/.exec(hover) || [null, hover])[1];
    } else if (stat && stat.Event) {
      event = stat.Event === '*' ? 'startup (*)' : stat.Event;
    }
    return { ...row, id, kind, event, atStartup: event === 'startup (*)' || event === 'onStartupFinished' };
  });
}

/**
 * "Developer: Startup Performance" opens a read-only Markdown text; its table "Extension Activation
 * Stats" splits each activation into Load Code / Call Activate / Finish Activate. Copied out through
 * the clipboard. Opening it activates the Markdown extension, so it is read last.
 */
async function readActivationStats(page) {
  await runCommand(page, 'Developer: Startup Performance');
  const lines = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'System Info' }).first();
  await lines.waitFor({ timeout: 20000 });
  await sleep(500);
  await lines.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await sleep(300);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const all = text.split('\n');
  const start = all.findIndex((line) => line.trim() === '## Extension Activation Stats');
  if (start < 0) {
    return null;
  }
  const table = [];
  for (let i = start + 1; i < all.length && !all[i].startsWith('## '); i++) {
    if (all[i].startsWith('|')) {
      table.push(all[i]);
    }
  }
  const cells = (line) => line.split('|').slice(1, -1).map((cell) => cell.trim());
  const head = cells(table[0] || '');
  return table.slice(2).map((line) => Object.fromEntries(cells(line).map((cell, column) => [head[column], cell])));
}

/** Waits for a new webview of `extensionId` (a view or a panel, as `view` says) whose heading painted after `since`. */
async function waitForPaint(page, what, expectExtensionId, view, since) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/webview/browser/pre/index.html')) {
        continue;
      }
      const candidate = await frame.evaluate(() => window.__benchWebview || null).catch(() => null);
      // Any new webview of that extension: the `purpose` parameter was seen missing on a view shown
      // a second time, and each phase opens only one kind (the editors are closed and the views hidden in between).
      if (candidate && candidate.extensionId === expectExtensionId && candidate.tCreated >= since && candidate.tPainted !== null && candidate.tSettled !== null) {
        return candidate;
      }
    }
    await sleep(25);
  }
  // What the frames saw, so a failed run says why (times relative to the start).
  const seen = [];
  for (const frame of page.frames()) {
    const record = frame.url().includes('/webview/browser/pre/index.html') ? await frame.evaluate(() => window.__benchWebview || null).catch(() => null) : null;
    if (record) {
      const at = (time) => (time === null ? '—' : `${time - since} ms`);
      seen.push(`${record.extensionId}/${record.purpose || 'panel'} created ${at(record.tCreated)} visible ${at(record.tVisible)} heading ${at(record.tHeading)} painted ${at(record.tPainted)}`);
    }
  }
  const containers = await page
    .locator('.activitybar .action-item')
    .evaluateAll((items) =>
      items.map((item) => {
        const label = item.getAttribute('aria-label') || (item.querySelector('[aria-label]') && item.querySelector('[aria-label]').getAttribute('aria-label')) || '?';
        return `${label}${item.classList.contains('checked') ? ' (shown)' : ''}`;
      }),
    )
    .catch(() => []);
  throw new Error(
    `${what}: no heading painted in a ${view ? 'view' : 'panel'} of ${expectExtensionId} within 30 s; webview frames: ${seen.join('; ') || 'none'}; activity bar: ${containers.join(', ')}`,
  );
}

function timing(record, t0, what, expectHeading) {
  if (expectHeading && !expectHeading.test(record.heading || '')) {
    throw new Error(`${what}: the first heading was "${record.heading}"`);
  }
  return {
    heading: record.heading,
    // The webview's host frame started: the workbench made the webview (the page itself comes later).
    created_ms: record.tCreated - t0,
    visible_ms: record.tVisible - t0,
    heading_ms: record.tHeading - t0,
    painted_ms: record.tPainted - t0,
    settled_ms: record.tSettled - t0,
    paint_from: record.paintFrom,
  };
}

/** Runs a palette command that opens a webview panel and times it up to its first heading painted. */
async function timeWebviewOpen(page, commandTitle, expectExtensionId, expectHeading) {
  await page.evaluate(() => {
    window.__benchEnter = [];
  });
  const since = Date.now() - 50;
  await runCommand(page, commandTitle);
  const record = await waitForPaint(page, `"${commandTitle}"`, expectExtensionId, false, since);
  const enter = await page.evaluate(() => window.__benchEnter.slice());
  const t0 = enter[enter.length - 1];
  if (t0 === undefined) {
    throw new Error(`"${commandTitle}": the Enter key press was not recorded`);
  }
  return timing(record, t0, `"${commandTitle}"`, expectHeading);
}

/** Hides the sidebar's webview views (the Explorer takes the sidebar) and waits for their frames to go. */
async function hideSidebarViews(page) {
  await page.locator(EXPLORER_CONTAINER).first().click();
  for (let i = 0; i < 100 && (await page.locator('iframe.webview[src*="purpose=webviewView"]').count()) > 0; i++) {
    await sleep(50);
  }
  await sleep(700);
}

/** Clicks an activity-bar container and times its webview view up to its first heading painted. */
async function timeViewOpen(page, containerSelector, expectExtensionId, expectHeading) {
  await page.evaluate(() => {
    window.__benchPointer = [];
  });
  const since = Date.now() - 50;
  await page.locator(containerSelector).first().click();
  const record = await waitForPaint(page, `the view of ${expectExtensionId}`, expectExtensionId, true, since);
  const pointer = await page.evaluate(() => window.__benchPointer.slice());
  const t0 = pointer[0];
  if (t0 === undefined) {
    throw new Error(`the view of ${expectExtensionId}: the click was not recorded`);
  }
  return timing(record, t0, `the view of ${expectExtensionId}`, expectHeading);
}

/**
 * Which opens first in a round: alternating from round to round, and, for the first round (the
 * first open of a session), from run to run, so that neither side is always the one that opens
 * first after the throw-away open.
 */
function openingOrder(round, runIndex) {
  return (round + runIndex) % 2 === 0 ? ['lesson', 'empty'] : ['empty', 'lesson'];
}

async function measurePanels(page, result, options, index, log) {
  // One throw-away open first: the first webview of a page also pays for the webview machinery. It
  // is a third panel type, so neither measured panel's origin is warmed by it.
  await timeWebviewOpen(page, WARM_UP_COMMAND, REFERENCE_ID, /Empty webview/);
  await closeAllEditors(page);
  for (let round = 1; round <= options.webviewRounds; round++) {
    const order = openingOrder(round, index);
    for (const which of order) {
      const open =
        which === 'lesson'
          ? await timeWebviewOpen(page, LESSON_COMMAND, extensionId, /跨部门协同|cross-department/i)
          : await timeWebviewOpen(page, EMPTY_COMMAND, REFERENCE_ID, /Empty webview/);
      result.opens.push({ which, round, ...open });
      await closeAllEditors(page);
    }
  }
  log(`run ${index}: panel paint (webview made / painted) — ${result.opens.map((open) => `${open.which}#${open.round} ${open.created_ms}/${open.painted_ms} ms`).join(', ')}`);
}

async function measureViews(page, result, options, index, log) {
  // The same throw-away first open for views, in a third container.
  await timeViewOpen(page, WARM_UP_CONTAINER, REFERENCE_ID, /Empty webview/);
  await hideSidebarViews(page);
  for (let round = 1; round <= options.webviewRounds; round++) {
    const order = openingOrder(round, index);
    for (const which of order) {
      const open =
        which === 'lesson'
          ? await timeViewOpen(page, OUR_CONTAINER, extensionId, /跨部门协同|cross-department/i)
          : await timeViewOpen(page, EMPTY_CONTAINER, REFERENCE_ID, /Empty webview/);
      result.viewOpens.push({ which, round, ...open });
      await hideSidebarViews(page);
    }
  }
  log(`run ${index}: view paint (webview made / painted) — ${result.viewOpens.map((open) => `${open.which}#${open.round} ${open.created_ms}/${open.painted_ms} ms`).join(', ')}`);
}

/** One fresh code-server, one page load, all the real-host measurements. */
async function oneRun(paths, options, index, log) {
  const folder = makeWorkspace('bench');
  const server = await startCodeServer(paths, {
    label: 'bench',
    folder,
    vsixFiles: [options.vsix, options.referenceVsix],
    testDriver: false,
    settings: {
      // As a user has them (the harness turns git off for tests); Running Extensions in an editor
      // tab, not the 1.139 modal; "off" rather than false, which VS Code rewrites at startup.
      'git.enabled': true,
      'workbench.editor.useModal': 'off',
      'extensions.autoUpdate': 'off',
      'collabCoach.language': 'zh-cn',
    },
  });
  const browser = await launchBrowser();
  const result = { run: index, opens: [], viewOpens: [], panelsFirst: index % 2 === 1, loadBefore: os.loadavg()[0] };
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1400 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator(`[id="${extensionId}.collabCoach.tip"]`).waitFor({ timeout: 90000 });
    result.tipVisible_ms = Date.now() - started;
    await sleep(3000); // let onStartupFinished activations and their background work settle

    result.running = await readRunningExtensions(page, [OUR_NAME, REFERENCE_NAME]);
    const ours = result.running.find((row) => row.label === OUR_NAME);
    log(`run ${index}: Running Extensions — ${result.running.map((row) => `${row.label} ${row.ms ?? row.time}`).join(', ')}`);
    if (!ours || ours.ms === null) {
      throw new Error('Collab Coach is not in "Developer: Show Running Extensions"');
    }
    await closeAllEditors(page);

    // A failure in one part is recorded and the other part still runs.
    const parts = [
      ['panels', () => measurePanels(page, result, options, index, log), 'opens'],
      ['views', () => measureViews(page, result, options, index, log), 'viewOpens'],
    ];
    for (const [name, measure, key] of result.panelsFirst ? parts : parts.reverse()) {
      try {
        await measure();
      } catch (error) {
        result[`${name}Error`] = error instanceof Error ? error.message.split('\n')[0] : String(error);
        result[key] = [];
        log(`run ${index}: ${name} failed: ${result[`${name}Error`]}`);
        await closeAllEditors(page).catch(() => undefined);
        await hideSidebarViews(page).catch(() => undefined);
      }
    }
    result.activationStats = await readActivationStats(page).catch((error) => {
      log(`run ${index}: could not read Developer: Startup Performance (${error instanceof Error ? error.message.split('\n')[0] : error})`);
      return null;
    });
    result.running = classifyRows(result.running, result.activationStats);
    await page.goto('about:blank');
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    log(`run ${index} failed: ${result.error}`);
  } finally {
    if (result.running && result.running.length && result.running[0].kind === undefined) {
      result.running = classifyRows(result.running, result.activationStats);
    }
    await browser.close().catch(() => undefined);
    await server.stop();
    result.loadAfter = os.loadavg()[0];
    log(`run ${index}: 1-minute load average ${result.loadBefore.toFixed(2)} before, ${result.loadAfter.toFixed(2)} after`);
    if (!result.error) {
      fs.rmSync(server.runFolder, { recursive: true, force: true });
    } else {
      result.logFile = server.logFile;
    }
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return result;
}

/**
 * @param {{ vsix: string, referenceVsix: string, runs: number, webviewRounds: number }} options
 * @param {(message: string) => void} log
 */
async function runHostBench(options, log) {
  const paths = install();
  const runs = [];
  for (let index = 1; index <= options.runs; index++) {
    runs.push(await oneRun(paths, options, index, log));
  }
  return runs;
}

module.exports = { runHostBench };
