// Adapter: the lesson in the sidebar view and in an editor panel. Loaded on first use (its own
// chunk in the Node build), so markdown-it never loads at startup.
import * as vscode from 'vscode';
import { readContentText } from '../content/contentFiles';
import { type ContentLanguage } from '../content/language';
import { currentContentLanguage, onDidChangeContentLanguage } from '../content/settings';
import { isLessonSectionId } from '../content/sections';
import { type HostMessage, type PageLabels, type PrincipleProgress, classifyLink, parsePageMessage } from './messages';
import { createNonce, lessonPageHtml } from './pageShell';
import { renderCached } from './render';
import { type ProgressStore } from './progress';

export const LESSON_VIEW_ID = 'collabCoach.lesson';
export const LESSON_PANEL_TYPE = 'collabCoach.lessonPanel';
const DEFAULT_FONT_SIZE = 14;

/** What the extension-host tests may observe of one lesson page. */
export interface LessonPageSnapshot {
  readonly ready: boolean;
  readonly language: ContentLanguage | undefined;
  /** The section at the top of the reader's viewport, as the page last reported it. */
  readonly visibleSection: string | undefined;
  readonly renders: number;
  readonly droppedMessages: number;
}

export interface LessonSnapshot {
  readonly viewResolved: boolean;
  readonly view: LessonPageSnapshot | undefined;
  readonly panel: LessonPageSnapshot | undefined;
  readonly panelCount: number;
}

export interface LessonFeature {
  resolveWebviewView(view: vscode.WebviewView): Promise<void>;
  restorePanel(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
  openLesson(sectionId?: unknown): Promise<void>;
  refreshProgress(): void;
  snapshot(): LessonSnapshot;
}

function pageLabels(): PageLabels {
  return {
    contents: vscode.l10n.t('Contents'),
    language: vscode.l10n.t('Lesson language'),
    chinese: '中文',
    english: 'English',
    lesson: vscode.l10n.t('Lesson: how to move cross-department work forward'),
    read: vscode.l10n.t('Read'),
    notRead: vscode.l10n.t('Not read yet'),
    practised: vscode.l10n.t('Practised in a plan'),
    notPractised: vscode.l10n.t('Not practised yet'),
    progress: vscode.l10n.t('Your progress on this principle'),
  };
}

function fontSizeSetting(): number {
  const value = vscode.workspace.getConfiguration('collabCoach.lesson').get<unknown>('fontSize', DEFAULT_FONT_SIZE);
  // A value of the wrong type or out of range falls back to the default rather than breaking the page.
  return typeof value === 'number' && Number.isFinite(value) && value >= 8 && value <= 40 ? value : DEFAULT_FONT_SIZE;
}

/** One webview showing the lesson: the sidebar view or the editor panel. */
class LessonPage implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private pendingScroll: string | undefined;
  private language: ContentLanguage | undefined;
  private visibleSection: string | undefined;
  private renders = 0;
  private droppedMessages = 0;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly extensionUri: vscode.Uri,
    placement: 'view' | 'panel',
    private readonly log: vscode.LogOutputChannel,
    private readonly progress: ProgressStore,
    private readonly onSection: (sectionId: string) => void,
  ) {
    webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    };
    this.disposables.push(webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    webview.html = lessonPageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'lesson.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'lesson.css')).toString(),
      title: vscode.l10n.t('Collab Coach Lesson'),
      language: currentContentLanguage() === 'zh-cn' ? 'zh-CN' : 'en',
      placement,
    });
  }

  snapshot(): LessonPageSnapshot {
    return {
      ready: this.ready,
      language: this.language,
      visibleSection: this.visibleSection,
      renders: this.renders,
      droppedMessages: this.droppedMessages,
    };
  }

  /** Scrolls to a section now, or as soon as the page has content. */
  scrollTo(sectionId: string): void {
    if (this.ready && this.renders > 0) {
      void this.post({ type: 'scrollTo', sectionId });
    } else {
      this.pendingScroll = sectionId;
    }
  }

  async render(): Promise<void> {
    if (!this.ready) {
      return; // The page asks with `ready`; content is held until then.
    }
    const language = currentContentLanguage();
    const markdown = await readContentText(this.extensionUri, 'lesson', `${language}.md`);
    const rendered = renderCached(language, markdown);
    const scrollTo = this.pendingScroll;
    this.pendingScroll = undefined;
    this.language = language;
    this.renders++;
    await this.post({
      type: 'render',
      language,
      html: rendered.html,
      toc: rendered.toc,
      labels: pageLabels(),
      fontSize: fontSizeSetting(),
      scrollTo,
      progress: this.progress.principles(),
    });
  }

  postProgress(progress: readonly PrincipleProgress[]): void {
    if (this.ready && this.renders > 0) {
      void this.post({ type: 'progress', progress });
    }
  }

  postFontSize(): void {
    if (this.ready) {
      void this.post({ type: 'fontSize', fontSize: fontSizeSetting() });
    }
  }

  private async post(message: HostMessage): Promise<void> {
    await this.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parsePageMessage(raw);
    if (!message) {
      this.droppedMessages++;
      this.log.warn(`Dropped a malformed message from the lesson page: ${safeDescribe(raw)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.render().catch((error: unknown) => this.log.error(`Could not render the lesson: ${String(error)}`));
        break;
      case 'section':
        this.visibleSection = message.sectionId;
        this.onSection(message.sectionId);
        break;
      case 'setLanguage':
        // The same as changing the setting: every open view follows.
        void vscode.workspace.getConfiguration('collabCoach').update('language', message.language, vscode.ConfigurationTarget.Global);
        break;
      case 'openLink': {
        const action = classifyLink(message.href);
        if (action.kind === 'external') {
          void vscode.env.openExternal(vscode.Uri.parse(action.href, true));
        } else if (action.kind === 'anchor') {
          this.scrollTo(action.sectionId);
        } else {
          this.log.warn(`Refused to open a link from the lesson page: ${safeDescribe(message.href)}`);
        }
        break;
      }
    }
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) {
      disposable.dispose();
    }
  }
}

function safeDescribe(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 200);
  } catch {
    return '(unprintable)';
  }
}

export function createLessonFeature(context: vscode.ExtensionContext, progress: ProgressStore): LessonFeature {
  const log = vscode.window.createOutputChannel('Collab Coach', { log: true });
  context.subscriptions.push(log);
  let viewPage: LessonPage | undefined;
  let viewResolved = false;
  let panel: vscode.WebviewPanel | undefined;
  let panelPage: LessonPage | undefined;
  let panelCount = 0;

  const pages = (): LessonPage[] => [viewPage, panelPage].filter((page): page is LessonPage => page !== undefined);
  const markRead = (sectionId: string): void => progress.markRead(sectionId);

  context.subscriptions.push(
    onDidChangeContentLanguage(() => {
      for (const page of pages()) {
        page.render().catch((error: unknown) => log.error(`Could not re-render the lesson: ${String(error)}`));
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('collabCoach.lesson.fontSize')) {
        for (const page of pages()) {
          page.postFontSize();
        }
      }
    }),
    progress.onDidChange(() => {
      const principles = progress.principles();
      for (const page of pages()) {
        page.postProgress(principles);
      }
    }),
    { dispose: () => pages().forEach((page) => page.dispose()) },
  );

  function adoptPanel(webviewPanel: vscode.WebviewPanel): LessonPage {
    panel = webviewPanel;
    panelCount++;
    webviewPanel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'collab.svg');
    const page = new LessonPage(webviewPanel.webview, context.extensionUri, 'panel', log, progress, markRead);
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
      const page = new LessonPage(view.webview, context.extensionUri, 'view', log, progress, markRead);
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
      // The page restores its own place from getState once it has content.
      adoptPanel(webviewPanel);
    },

    async openLesson(sectionId) {
      const target = isLessonSectionId(sectionId) ? sectionId : undefined;
      if (sectionId !== undefined && target === undefined) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Collab Coach has no lesson section "{0}"; opening the lesson at the top.', safeDescribe(sectionId)),
        );
      }
      if (panel && panelPage) {
        panel.reveal(undefined, false);
        if (target) {
          panelPage.scrollTo(target);
        }
        return;
      }
      const created = vscode.window.createWebviewPanel(
        LESSON_PANEL_TYPE,
        vscode.l10n.t('Collab Coach Lesson'),
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        { enableFindWidget: true },
      );
      const page = adoptPanel(created);
      if (target) {
        page.scrollTo(target);
      }
    },

    refreshProgress() {
      const principles = progress.principles();
      for (const page of pages()) {
        page.postProgress(principles);
      }
    },

    snapshot() {
      return { viewResolved, view: viewPage?.snapshot(), panel: panelPage?.snapshot(), panelCount };
    },
  };
}
