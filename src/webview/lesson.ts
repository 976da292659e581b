// The lesson page script. It runs inside the webview, holds no strings of its own and talks to the
// host only by validated messages. Reader state (language, section, scroll) lives in getState/setState
// so the page survives being hidden and a window reload without retainContextWhenHidden.
import {
  type HostMessage,
  type PageLabels,
  type PageMessage,
  type PrincipleProgress,
  type RenderMessage,
  type TeamNotesBlock,
  type TocEntry,
  classifyLink,
  parseHostMessage,
} from '../lesson/messages';
import { INITIAL_RENDER_ID } from '../lesson/pageShell';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface PageState {
  readonly language?: string;
  readonly sectionId?: string;
  readonly scrollY?: number;
}

const vscode = acquireVsCodeApi();
const toolbar = document.getElementById('toolbar') as HTMLElement;
const toc = document.getElementById('toc') as HTMLElement;
const lesson = document.getElementById('lesson') as HTMLElement;
const teamNotes = document.getElementById('team-notes') as HTMLElement;

function readState(): PageState {
  const raw = vscode.getState();
  if (typeof raw !== 'object' || raw === null) {
    return {};
  }
  const record = raw as Record<string, unknown>;
  return {
    ...(typeof record['language'] === 'string' ? { language: record['language'] } : {}),
    ...(typeof record['sectionId'] === 'string' ? { sectionId: record['sectionId'] } : {}),
    ...(typeof record['scrollY'] === 'number' ? { scrollY: record['scrollY'] } : {}),
  };
}

let state: PageState = readState();
let currentLanguage: string | undefined;
let lastReportedSection: string | undefined;
/**
 * The section the reader last jumped to. It counts as "where the reader is" until they scroll by
 * themselves, even when the page is too short to bring its heading to the top.
 */
let pinnedSection: string | undefined;

function saveState(patch: PageState): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

function headings(): HTMLElement[] {
  return Array.from(lesson.querySelectorAll<HTMLElement>('h1[id], h2[id], h3[id], h4[id]'));
}

/** The section whose heading is the last one above the top of the viewport. */
function sectionAtTop(): string | undefined {
  let current: string | undefined;
  for (const heading of headings()) {
    if (heading.getBoundingClientRect().top <= 24) {
      current = heading.id;
    } else {
      break;
    }
  }
  return current ?? headings()[0]?.id;
}

function reportSection(): void {
  const sectionId = pinnedSection ?? sectionAtTop();
  saveState({ scrollY: window.scrollY, ...(sectionId ? { sectionId } : {}) });
  if (sectionId && sectionId !== lastReportedSection) {
    lastReportedSection = sectionId;
    vscode.postMessage({ type: 'section', sectionId });
  }
}

/** A section whose heading takes focus once the page has it (the reader asked for it, elsewhere). */
let focusWhenFocused: string | undefined;

function goToSection(sectionId: string, moveFocus: boolean): boolean {
  // The section may be among the blocks still held back for after the first paint.
  flushPendingRest();
  const target = document.getElementById(sectionId);
  if (!target || !(lesson.contains(target) || teamNotes.contains(target))) {
    return false;
  }
  pinnedSection = sectionId;
  target.scrollIntoView({ block: 'start' });
  focusWhenFocused = undefined;
  if (moveFocus) {
    // Focus never jumps into the page from elsewhere (a command palette opened meanwhile keeps its
    // keys): the heading takes focus now only if the page has it, else when the page gets it.
    if (document.hasFocus()) {
      target.focus({ preventScroll: true });
    } else {
      focusWhenFocused = sectionId;
    }
  }
  reportSection();
  return true;
}

window.addEventListener('focus', () => {
  const sectionId = focusWhenFocused;
  focusWhenFocused = undefined;
  // Only while the reader is still where they were taken and nothing in the page has focus.
  if (sectionId !== undefined && pinnedSection === sectionId && (document.activeElement === null || document.activeElement === document.body)) {
    document.getElementById(sectionId)?.focus({ preventScroll: true });
  }
});

function renderToolbar(language: string, labels: PageLabels): void {
  toolbar.replaceChildren();
  const group = document.createElement('div');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', labels.language);
  group.className = 'language-toggle';
  for (const [code, label] of [['zh-cn', labels.chinese], ['en', labels.english]] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    // Each label is written in its own language ("中文", "English"): say so, for screen readers
    // and for the font the label is drawn in, whatever the page's language.
    button.lang = code;
    button.dataset['language'] = code;
    button.setAttribute('aria-pressed', String(code === language));
    button.addEventListener('click', () => {
      if (code !== currentLanguage) {
        vscode.postMessage({ type: 'setLanguage', language: code });
      }
    });
    group.append(button);
  }
  toolbar.append(group);
}

function renderToc(entries: readonly TocEntry[], labels: PageLabels): void {
  toc.setAttribute('aria-label', labels.contents);
  toc.replaceChildren();
  const heading = document.createElement('h2');
  heading.className = 'toc-title';
  heading.textContent = labels.contents;
  const list = document.createElement('ol');
  for (const entry of entries) {
    const item = document.createElement('li');
    item.className = `toc-level-${entry.level}`;
    const link = document.createElement('a');
    link.href = `#${entry.id}`;
    link.textContent = entry.title;
    link.dataset['section'] = entry.id;
    item.append(link);
    list.append(item);
  }
  toc.append(heading, list);
}

function renderProgress(progress: readonly PrincipleProgress[], labels: PageLabels): void {
  for (const old of Array.from(lesson.querySelectorAll('.progress-marks'))) {
    old.remove();
  }
  for (const entry of progress) {
    const heading = document.getElementById(entry.sectionId);
    if (!heading || !lesson.contains(heading)) {
      continue;
    }
    // A named group: a paragraph may not carry a name of its own (ARIA).
    const marks = document.createElement('div');
    marks.className = 'progress-marks';
    marks.setAttribute('role', 'group');
    marks.setAttribute('aria-label', labels.progress);
    for (const [done, yes, no, name] of [
      [entry.read, labels.read, labels.notRead, 'read'],
      [entry.practised, labels.practised, labels.notPractised, 'practised'],
    ] as const) {
      const mark = document.createElement('span');
      mark.className = `mark mark-${name} ${done ? 'done' : 'todo'}`;
      mark.dataset['state'] = done ? 'done' : 'todo';
      mark.textContent = `${done ? '✓' : '○'} ${done ? yes : no}`;
      marks.append(mark);
    }
    heading.insertAdjacentElement('afterend', marks);
  }
}

let labels: PageLabels | undefined;

/** What every render sets around the lesson itself: language, font size, toolbar, contents. */
function applyRenderFrame(message: RenderMessage): void {
  currentLanguage = message.language;
  labels = message.labels;
  document.documentElement.lang = message.language === 'zh-cn' ? 'zh-CN' : 'en';
  document.documentElement.style.setProperty('--lesson-font-size', `${message.fontSize}px`);
  lesson.setAttribute('aria-label', message.labels.lesson);
  renderToolbar(message.language, message.labels);
  renderToc(message.toc, message.labels);
}

function renderTeamNotes(block: TeamNotesBlock): void {
  teamNotes.replaceChildren();
  teamNotes.hidden = block.state === 'none';
  if (block.state === 'none') {
    return;
  }
  teamNotes.setAttribute('aria-label', block.heading);
  const heading = document.createElement('h2');
  heading.id = 'team-notes-heading';
  heading.tabIndex = -1;
  heading.textContent = block.heading;
  teamNotes.append(heading);
  for (const notice of block.notices) {
    const paragraph = document.createElement('p');
    paragraph.className = 'team-notes-note';
    paragraph.textContent = notice;
    teamNotes.append(paragraph);
  }
  for (const note of block.notes) {
    const article = document.createElement('article');
    article.className = 'team-note';
    article.dataset['file'] = note.name;
    // Rendered by the same pipeline as the lesson: html: false, link allowlist, no images.
    article.innerHTML = note.html;
    teamNotes.append(article);
  }
}

/**
 * The first render of a page lays out only the lesson's title block (everything before its first
 * section heading); the sections follow in the task after the frame that shows it. In a webview
 * process that has not drawn this page yet, layout costs in proportion to what is laid out (in
 * Chromium, the whole Chinese lesson's first paint took about 1.5 times as long as its title
 * block's), so the first paint waits for the top only. Blocks are whole top-level elements, so nothing above
 * the reader moves when the rest arrives; the team notes, which sit below, wait with it.
 */
const FIRST_SECTION_TAG = 'H2';

interface PendingRest {
  readonly nodes: readonly Node[];
  teamNotes: TeamNotesBlock;
  progress: readonly PrincipleProgress[];
}

/** The lesson's blocks held back for the frame after the first paint, until `flushPendingRest`. */
let pendingRest: PendingRest | undefined;

/** Splits rendered HTML into the title block (the first frame) and the sections after it. */
function splitForFirstFrame(html: string): { readonly first: Node[]; readonly rest: Node[] } {
  const template = document.createElement('template');
  template.innerHTML = html;
  const nodes = Array.from(template.content.childNodes);
  const cut = nodes.findIndex((node) => node instanceof HTMLElement && node.tagName === FIRST_SECTION_TAG);
  return cut <= 0 ? { first: nodes, rest: [] } : { first: nodes.slice(0, cut), rest: nodes.slice(cut) };
}

function flushPendingRest(): void {
  const rest = pendingRest;
  if (!rest) {
    return;
  }
  pendingRest = undefined;
  lesson.append(...rest.nodes);
  completeLesson(rest.progress, rest.teamNotes);
  reportSection();
}

/** What follows the whole lesson's HTML: the progress marks on its headings, the team notes below it. */
function completeLesson(progress: readonly PrincipleProgress[], notes: TeamNotesBlock): void {
  if (labels) {
    renderProgress(progress, labels);
  }
  renderTeamNotes(notes);
  lesson.setAttribute('aria-busy', 'false');
}

/** The rest of the lesson in the task after the next frame: the first paint has happened by then. */
function flushAfterFirstPaint(): void {
  const afterPaint = (): void => {
    requestAnimationFrame(() => setTimeout(flushPendingRest, 0));
  };
  if (document.readyState === 'complete') {
    afterPaint();
  } else {
    window.addEventListener('load', afterPaint, { once: true });
  }
  // A page that is not shown draws no frame: it gets the rest anyway.
  setTimeout(flushPendingRest, 1000);
}

/** The first render of a page with no place to restore: the top now, the rest after the first paint. */
function showProgressively(message: RenderMessage): void {
  const { first, rest } = splitForFirstFrame(message.html);
  lesson.replaceChildren(...first);
  pendingRest = { nodes: rest, teamNotes: message.teamNotes, progress: message.progress };
  if (rest.length === 0) {
    // Nothing held back: the lesson is complete now.
    flushPendingRest();
    return;
  }
  renderProgress(message.progress, message.labels);
  flushAfterFirstPaint();
}

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'render': {
      // A newer render replaces what an earlier one still held back.
      pendingRest = undefined;
      if (currentLanguage === undefined && message.scrollTo === undefined && state.scrollY === undefined && state.sectionId === undefined) {
        applyRenderFrame(message);
        saveState({ language: message.language });
        showProgressively(message);
        break;
      }
      // Keep the reader at the same section across a language switch or a re-render.
      const keepSection = message.scrollTo ?? (currentLanguage === undefined ? state.sectionId : pinnedSection ?? sectionAtTop());
      const restoreScroll = currentLanguage === undefined && message.scrollTo === undefined ? state.scrollY : undefined;
      applyRenderFrame(message);
      // The HTML comes from our renderer (markdown-it, html: false, link allowlist).
      lesson.innerHTML = message.html;
      completeLesson(message.progress, message.teamNotes);
      saveState({ language: message.language });
      if (restoreScroll !== undefined && message.scrollTo === undefined) {
        window.scrollTo(0, restoreScroll);
        reportSection();
      } else if (!keepSection || !goToSection(keepSection, message.scrollTo !== undefined)) {
        reportSection();
      }
      break;
    }
    case 'teamNotes':
      if (pendingRest) {
        pendingRest.teamNotes = message.teamNotes;
      } else {
        renderTeamNotes(message.teamNotes);
      }
      break;
    case 'scrollTo':
      goToSection(message.sectionId, true);
      break;
    case 'fontSize':
      document.documentElement.style.setProperty('--lesson-font-size', `${message.fontSize}px`);
      break;
    case 'progress':
      if (pendingRest) {
        pendingRest.progress = message.progress;
      }
      if (labels) {
        renderProgress(message.progress, labels);
      }
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (message) {
    handle(message);
  }
});

// Every link goes to the host or stays in the page; the page never navigates by itself.
document.addEventListener('click', (event) => {
  const anchor = event.target instanceof Element ? event.target.closest('a') : null;
  if (!anchor) {
    return;
  }
  event.preventDefault();
  const href = anchor.getAttribute('href') ?? '';
  const action = classifyLink(href);
  if (action.kind === 'anchor') {
    goToSection(action.sectionId, true);
  } else if (action.kind === 'external') {
    vscode.postMessage({ type: 'openLink', href: action.href });
  }
});

for (const userInput of ['wheel', 'keydown', 'mousedown', 'touchstart'] as const) {
  window.addEventListener(userInput, () => {
    pinnedSection = undefined;
    focusWhenFocused = undefined;
  }, { passive: true });
}

let scrollPending = false;
window.addEventListener('scroll', () => {
  if (!scrollPending) {
    scrollPending = true;
    requestAnimationFrame(() => {
      scrollPending = false;
      reportSection();
    });
  }
});

/**
 * The first page carries the lesson, so it paints without a round trip. A page rebuilt after being
 * hidden, or restored after a reload, keeps the reader's own place rather than the first jump.
 */
function showInitialRender(): void {
  const block = document.getElementById(INITIAL_RENDER_ID);
  const text = block?.textContent;
  // Read once, then gone: the page keeps no second copy, and its body holds only the page script.
  block?.remove();
  if (!text) {
    return;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return;
  }
  const message = parseHostMessage(raw);
  if (message?.type === 'render') {
    const restoring = state.scrollY !== undefined || state.sectionId !== undefined;
    handle(restoring ? { ...message, scrollTo: undefined } : message);
  }
}

showInitialRender();
vscode.postMessage({ type: 'ready' });
