// Adapter: the lesson in the sidebar view and in an editor panel. Loaded on first use (its own
// chunk in the Node build), so markdown-it never loads at startup.
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { readContentText } from '../../content/vscode/contentFiles';
import { type ContentLanguage } from '../../content/language';
import { currentContentLanguage, onDidChangeContentLanguage } from '../../content/vscode/settings';
import { isLessonSectionId } from '../../content/sections';
import { type HostMessage, type PageLabels, type PrincipleProgress, type TeamNotesBlock } from '../messages';
import { handlePageMessage } from '../pageMessageHandler';
import { createNonce, lessonPageHtml } from '../pageShell';
import { type ProgressStore } from './progress';
import { renderCached, renderMarkdown } from '../render';
import { MAX_NOTE_BYTES, TEAM_NOTES_FOLDER, checkNote, isNoteFileName, isTeamNotePath, sortNotes } from '../teamNotes';

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
  /** The team notes last sent to the page. */
  readonly teamNotes: { readonly state: TeamNotesBlock['state']; readonly notes: readonly string[]; readonly notices: number } | undefined;
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
  private lastTeamNotes: TeamNotesBlock | undefined;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly extensionUri: vscode.Uri,
    placement: 'view' | 'panel',
    private readonly log: Log,
    private readonly progress: ProgressStore,
    private readonly teamNotes: () => Promise<TeamNotesBlock>,
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
      teamNotes: this.lastTeamNotes && {
        state: this.lastTeamNotes.state,
        notes: this.lastTeamNotes.notes.map((note) => note.name),
        notices: this.lastTeamNotes.notices.length,
      },
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
    const teamNotes = await this.teamNotes();
    this.lastTeamNotes = teamNotes;
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
      teamNotes,
    });
  }

  postTeamNotes(teamNotes: TeamNotesBlock): void {
    if (this.ready && this.renders > 0) {
      this.lastTeamNotes = teamNotes;
      void this.post({ type: 'teamNotes', teamNotes });
    }
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
    handlePageMessage(raw, {
      render: () => {
        this.ready = true;
        this.render().catch((error: unknown) => this.log.error(`Could not render the lesson: ${String(error)}`));
      },
      sectionVisible: (sectionId) => {
        this.visibleSection = sectionId;
        this.onSection(sectionId);
      },
      // The same as changing the setting: every open view follows.
      setLanguage: (language) =>
        void vscode.workspace.getConfiguration('collabCoach').update('language', language, vscode.ConfigurationTarget.Global),
      openExternal: (href) => void vscode.env.openExternal(vscode.Uri.parse(href, true)),
      scrollTo: (sectionId) => this.scrollTo(sectionId),
      drop: (reason, dropped) => {
        this.droppedMessages++;
        this.log.warn(`Dropped a message from the lesson page (${reason}): ${safeDescribe(dropped)}`);
      },
    });
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

export function createLessonFeature(context: vscode.ExtensionContext, progress: ProgressStore, log: Log): LessonFeature {
  let viewPage: LessonPage | undefined;
  let viewResolved = false;
  let panel: vscode.WebviewPanel | undefined;
  let panelPage: LessonPage | undefined;
  let panelCount = 0;

  const teamNotes = createTeamNotesSource(context, log);
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
    teamNotes.onDidChange(() => {
      void teamNotes.load().then((block) => pages().forEach((page) => page.postTeamNotes(block)));
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
    const page = new LessonPage(webviewPanel.webview, context.extensionUri, 'panel', log, progress, teamNotes.load, markRead);
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
      const page = new LessonPage(view.webview, context.extensionUri, 'view', log, progress, teamNotes.load, markRead);
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

/** Reads `.collab/notes/*.md` of every workspace folder and tells when they change. */
function createTeamNotesSource(
  context: vscode.ExtensionContext,
  log: Log,
): { load: () => Promise<TeamNotesBlock>; onDidChange: vscode.Event<void> } {
  const changed = new vscode.EventEmitter<void>();
  // One watcher per workspace folder, rooted at the folder, so events do not depend on a
  // workspace-wide glob; re-made when folders change.
  let watchers: vscode.Disposable[] = [];
  const watchFolders = (): void => {
    watchers.forEach((watcher) => watcher.dispose());
    watchers = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${TEAM_NOTES_FOLDER.join('/')}/*.{md,markdown}`));
      return [watcher, watcher.onDidCreate(() => changed.fire()), watcher.onDidChange(() => changed.fire()), watcher.onDidDelete(() => changed.fire())];
    });
  };
  watchFolders();
  // The disk watcher can miss files in a folder that was only just created; changes made in VS Code
  // itself (saving a note, creating, deleting or renaming one) are also heard directly.
  const isNote = (uri: vscode.Uri): boolean => isTeamNotePath(uri.path);
  const fireForNotes = (uris: readonly vscode.Uri[]): void => {
    if (uris.some(isNote)) {
      changed.fire();
    }
  };
  context.subscriptions.push(
    changed,
    { dispose: () => watchers.forEach((watcher) => watcher.dispose()) },
    vscode.workspace.onDidSaveTextDocument((document) => fireForNotes([document.uri])),
    vscode.workspace.onDidCreateFiles((event) => fireForNotes(event.files)),
    vscode.workspace.onDidDeleteFiles((event) => fireForNotes(event.files)),
    vscode.workspace.onDidRenameFiles((event) => fireForNotes(event.files.flatMap((file) => [file.oldUri, file.newUri]))),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watchFolders();
      changed.fire();
    }),
  );

  async function load(): Promise<TeamNotesBlock> {
    const heading = vscode.l10n.t('Team notes');
    const files: { name: string; uri: vscode.Uri }[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const notesFolder = vscode.Uri.joinPath(folder.uri, ...TEAM_NOTES_FOLDER);
      try {
        for (const [name, type] of await vscode.workspace.fs.readDirectory(notesFolder)) {
          if (type === vscode.FileType.File && isNoteFileName(name)) {
            files.push({ name, uri: vscode.Uri.joinPath(notesFolder, name) });
          }
        }
      } catch {
        // No notes folder in this workspace folder.
      }
    }
    if (files.length === 0) {
      return { state: 'none', heading, notices: [], notes: [] };
    }
    if (!vscode.workspace.isTrusted) {
      return {
        state: 'restricted',
        heading,
        notices: [vscode.l10n.t('This workspace is in Restricted Mode, so its team notes are not shown. Trust the workspace to read them.')],
        notes: [],
      };
    }
    const notices: string[] = [];
    const notes: { name: string; html: string }[] = [];
    for (const file of sortNotes(files)) {
      try {
        const stat = await vscode.workspace.fs.stat(file.uri);
        if (stat.size > MAX_NOTE_BYTES) {
          notices.push(vscode.l10n.t('{0} was skipped: it is larger than 256 KB.', file.name));
          continue;
        }
        const checked = checkNote({ name: file.name, bytes: await vscode.workspace.fs.readFile(file.uri) });
        if (checked.kind === 'skipped') {
          notices.push(
            checked.reason === 'too-large'
              ? vscode.l10n.t('{0} was skipped: it is larger than 256 KB.', file.name)
              : vscode.l10n.t('{0} was skipped: it is not UTF-8 text.', file.name),
          );
          continue;
        }
        notes.push({ name: file.name, html: renderMarkdown(checked.markdown, { idPrefix: `note-${notes.length + 1}-` }).html });
      } catch (error) {
        log.warn(`Could not read team note ${file.uri.toString()}: ${String(error)}`);
        notices.push(vscode.l10n.t('{0} could not be read.', file.name));
      }
    }
    return { state: 'shown', heading, notices, notes };
  }

  return { load, onDidChange: changed.event };
}
