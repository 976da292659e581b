// Adapter: the lesson in the sidebar view and in an editor panel. Loaded on first use (its own
// chunk in the Node build), so markdown-it never loads at startup.
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { readContentText } from '../../content/vscode/contentFiles';
import type { ContentLanguage } from '../../content/language';
import { currentContentLanguage, onDidChangeContentLanguage } from '../../content/vscode/settings';
import { isLessonSectionId } from '../../content/sections';
import { type RenderedLesson, renderCached } from '../render';
import { type LessonPageDeps, type LessonPageSnapshot, type PageAssets, LessonPage, loadPageAssets, safeDescribe } from './lessonPage';
import { createLessonPanel } from './lessonPanel';
import type { ProgressStore } from './progress';
import { TeamNotesSource } from './teamNotesSource';

export { LESSON_PANEL_TYPE } from './lessonPanel';
export const LESSON_VIEW_ID = 'collabCoach.lesson';
export type { LessonPageSnapshot } from './lessonPage';

export interface LessonSnapshot {
  readonly viewResolved: boolean;
  readonly view: LessonPageSnapshot | undefined;
  readonly panel: LessonPageSnapshot | undefined;
  readonly panelCount: number;
  /** How many times the team notes were read. */
  readonly teamNoteLoads: number;
}

export interface LessonFeature {
  resolveWebviewView(view: vscode.WebviewView): Promise<void>;
  restorePanel(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
  /** Opens (or reveals) the panel; `created` is a panel made before this chunk loaded; `preserveFocus` keeps the keyboard where it is. */
  openLesson(sectionId?: unknown, created?: vscode.WebviewPanel, preserveFocus?: boolean): Promise<void>;
  refreshProgress(): void;
  snapshot(): LessonSnapshot;
}

export interface LessonFeatureOptions {
  /** Reads a lesson file; the tests slow it down to provoke the render race. */
  readonly readLesson?: (language: ContentLanguage) => Promise<string>;
}

/** The parts of the extension context the lesson uses. */
export type LessonContext = Pick<vscode.ExtensionContext, 'extensionUri' | 'subscriptions'>;

/**
 * The rendered lesson per language. The shipped lesson does not change in a session: each language
 * is read once, and renderCached keys the HTML by language and text (the content version).
 */
function renderedLessons(readLesson: (language: ContentLanguage) => Promise<string>): (language: ContentLanguage) => Promise<RenderedLesson> {
  const texts = new Map<ContentLanguage, Promise<string>>();
  return async (language) => {
    let text = texts.get(language);
    if (!text) {
      text = readLesson(language);
      texts.set(language, text);
      text.catch(() => texts.delete(language));
    }
    return renderCached(language, await text);
  };
}

/**
 * The shipped lesson's text per language and the page's assets, read once per session: each read
 * goes through `workspace.fs`, a round trip through the window in a remote or browser workbench.
 */
const shippedLessonTexts = new Map<ContentLanguage, Promise<string>>();
let shippedAssets: Promise<PageAssets> | undefined;

function readShippedLesson(extensionUri: vscode.Uri, language: ContentLanguage): Promise<string> {
  let text = shippedLessonTexts.get(language);
  if (!text) {
    text = readContentText(extensionUri, 'lesson', `${language}.md`);
    shippedLessonTexts.set(language, text);
    text.catch(() => shippedLessonTexts.delete(language));
  }
  return text;
}

function shippedPageAssets(extensionUri: vscode.Uri, log: Log): Promise<PageAssets> {
  shippedAssets ??= loadPageAssets(extensionUri, log);
  return shippedAssets;
}

/**
 * Reads and renders the lesson in the current language, and reads the page's assets, before the
 * first open, so that open costs what a later one does (the render is cached per language and
 * text). Never throws.
 */
export async function warmLesson(extensionUri: vscode.Uri, log: Log): Promise<void> {
  try {
    const language = currentContentLanguage();
    const [text] = await Promise.all([readShippedLesson(extensionUri, language), shippedPageAssets(extensionUri, log)]);
    renderCached(language, text);
  } catch (error) {
    log.warn(`The lesson could not be prepared before its first open: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function createLessonFeature(
  context: LessonContext,
  progress: () => ProgressStore,
  log: Log,
  options: LessonFeatureOptions = {},
): LessonFeature {
  let viewPage: LessonPage | undefined;
  let viewResolved = false;
  let panel: vscode.WebviewPanel | undefined;
  let panelPage: LessonPage | undefined;
  let panelCount = 0;

  const teamNotes = new TeamNotesSource(log);
  const lesson = renderedLessons(options.readLesson ?? ((language) => readShippedLesson(context.extensionUri, language)));
  const deps: LessonPageDeps = {
    extensionUri: context.extensionUri,
    log,
    lesson,
    teamNotes: () => teamNotes.load(),
    latestTeamNotes: () => teamNotes.latest,
    assets: () => shippedPageAssets(context.extensionUri, log),
    progress: () => progress().principles(),
    onSection: (sectionId) => progress().markRead(sectionId),
  };
  const pages = (): LessonPage[] => [viewPage, panelPage].filter((page): page is LessonPage => page !== undefined);
  const renderAll = (): void => {
    for (const page of pages()) {
      page.render().catch((error: unknown) => log.error('Could not re-render the lesson.', error));
    }
  };

  context.subscriptions.push(
    teamNotes,
    onDidChangeContentLanguage(renderAll),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('collabCoach.lesson.fontSize')) {
        pages().forEach((page) => page.postFontSize());
      }
    }),
    teamNotes.onDidChange(() => {
      if (pages().length === 0) {
        return; // Made ahead of its first page (the warm-up): that page reads the notes itself.
      }
      teamNotes.load().then(
        (block) => pages().forEach((page) => page.postTeamNotes(block)),
        (error: unknown) => log.error('Could not reload the team notes.', error),
      );
    }),
    progress().onDidChange(() => {
      const principles = progress().principles();
      pages().forEach((page) => page.postProgress(principles));
    }),
    { dispose: () => pages().forEach((page) => page.dispose()) },
  );

  function adoptPanel(webviewPanel: vscode.WebviewPanel, scrollTo?: string): LessonPage {
    panel = webviewPanel;
    panelCount++;
    webviewPanel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'collab.svg');
    const page = new LessonPage(webviewPanel.webview, 'panel', deps, scrollTo);
    panelPage = page;
    webviewPanel.onDidDispose(() => {
      page.dispose();
      if (panel === webviewPanel) {
        panel = undefined;
        panelPage = undefined;
      }
    });
    return page;
  }

  return {
    async resolveWebviewView(view) {
      viewPage?.dispose();
      const page = new LessonPage(view.webview, 'view', deps);
      viewPage = page;
      viewResolved = true;
      view.onDidDispose(() => {
        page.dispose();
        if (viewPage === page) {
          viewPage = undefined;
        }
      });
    },

    async restorePanel(webviewPanel) {
      // The page restores its own place from getState.
      adoptPanel(webviewPanel);
    },

    async openLesson(sectionId, created, preserveFocus = false) {
      const target = isLessonSectionId(sectionId) ? sectionId : undefined;
      if (sectionId !== undefined && target === undefined) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Collab Coach has no lesson section "{0}"; opening the lesson at the top.', safeDescribe(sectionId)),
        );
      }
      if (panel && panelPage) {
        created?.dispose();
        panel.reveal(undefined, preserveFocus);
        if (target) {
          panelPage.scrollTo(target);
        }
        return;
      }
      adoptPanel(created ?? createLessonPanel(context.extensionUri, preserveFocus), target);
    },

    refreshProgress() {
      const principles = progress().principles();
      pages().forEach((page) => page.postProgress(principles));
    },

    snapshot() {
      return { viewResolved, view: viewPage?.snapshot(), panel: panelPage?.snapshot(), panelCount, teamNoteLoads: teamNotes.loads };
    },
  };
}
