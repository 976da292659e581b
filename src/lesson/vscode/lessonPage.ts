// Adapter: one webview showing the lesson, the sidebar view or the editor panel.
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { Log } from '../../base/log';
import type { ContentLanguage } from '../../content/language';
import { currentContentLanguage } from '../../content/vscode/settings';
import { catchUpMessages, type HostMessage, type PageLabels, type PrincipleProgress, type RenderMessage, type TeamNotesBlock } from '../messages';
import { handlePageMessage } from '../pageMessageHandler';
import { type PageScript, type PageStyle, canInline, createNonce, lessonPageHtml } from '../pageShell';
import type { RenderedLesson } from '../render';
import { writeLanguageSetting } from './languageSetting';
import { lessonWebviewOptions } from './lessonPanel';

const DEFAULT_FONT_SIZE = 14;

/** What the extension-host tests may observe of one lesson page. */
export interface LessonPageSnapshot {
  readonly ready: boolean;
  readonly language: ContentLanguage | undefined;
  /** The section at the top of the reader's viewport, as the page last reported it. */
  readonly visibleSection: string | undefined;
  /** Renders that reached the page: the first page's HTML, then `render` messages. */
  readonly renders: number;
  /** Renders dropped because a newer one had started meanwhile (the version check). */
  readonly supersededRenders: number;
  readonly droppedMessages: number;
  /** The team notes last sent to the page. */
  readonly teamNotes: { readonly state: TeamNotesBlock['state']; readonly notes: readonly string[]; readonly notices: number } | undefined;
}

/** What a page needs from the feature: content, assets, progress and where failures go. */
export interface LessonPageDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: Log;
  lesson(language: ContentLanguage): Promise<RenderedLesson>;
  /** Reads the team notes from the workspace (a round trip per folder: slow in a remote window). */
  teamNotes(): Promise<TeamNotesBlock>;
  /** The team notes as last read: the page paints with these and gets the fresh ones by message. */
  latestTeamNotes(): TeamNotesBlock;
  assets(): Promise<PageAssets>;
  progress(): readonly PrincipleProgress[];
  onSection(sectionId: string): void;
}

export interface PageAssets {
  readonly style: string | undefined;
  readonly script: string | undefined;
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

export function safeDescribe(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 200);
  } catch {
    return '(unprintable)';
  }
}

/**
 * The first `webview.html` already holds the rendered lesson; later changes go by message. Every
 * render is numbered and only the newest may reach the page, so a slow read of one language
 * finishing after a switch to the other cannot bring the old language back.
 */
export class LessonPage extends Disposable {
  /** The page script has said `ready` (it listens for messages). */
  private ready = false;
  private renderVersion = 0;
  /** The render the page should show now, and the one its HTML carries (shown after a rebuild). */
  private latest: RenderMessage | undefined;
  private inHtml: RenderMessage | undefined;
  private pendingScroll: string | undefined;
  private visibleSection: string | undefined;
  private renders = 0;
  private superseded = 0;
  private droppedMessages = 0;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly placement: 'view' | 'panel',
    private readonly deps: LessonPageDeps,
    scrollTo?: string,
  ) {
    super();
    this.pendingScroll = scrollTo;
    // A panel made by createLessonPanel has them already (VS Code then skips the update); a view
    // or a restored panel gets them here.
    webview.options = lessonWebviewOptions(deps.extensionUri);
    this._register(webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    this.render().catch((error: unknown) => deps.log.error('Could not render the lesson.', error));
  }

  snapshot(): LessonPageSnapshot {
    const notes = this.latest?.teamNotes;
    return {
      ready: this.ready,
      language: this.latest?.language,
      visibleSection: this.visibleSection,
      renders: this.renders,
      supersededRenders: this.superseded,
      droppedMessages: this.droppedMessages,
      teamNotes: notes && { state: notes.state, notes: notes.notes.map((note) => note.name), notices: notes.notices.length },
    };
  }

  /** Scrolls to a section now, or as soon as the page has content. */
  scrollTo(sectionId: string): void {
    if (this.ready && this.latest) {
      void this.post({ type: 'scrollTo', sectionId });
    } else {
      this.pendingScroll = sectionId;
    }
  }

  /** Renders the lesson in the current language; a newer call makes an older one drop its result. */
  async render(): Promise<void> {
    const version = ++this.renderVersion;
    const language = currentContentLanguage();
    const freshNotes = this.deps.teamNotes();
    const [rendered, assets] = await Promise.all([this.deps.lesson(language), this.deps.assets()]);
    if (version !== this.renderVersion || this.isDisposed) {
      this.superseded++;
      return;
    }
    const teamNotes = this.deps.latestTeamNotes();
    freshNotes.then(
      (block) => {
        if (version === this.renderVersion && !this.isDisposed && block !== teamNotes) {
          this.postTeamNotes(block);
        }
      },
      (error: unknown) => this.deps.log.error('Could not read the team notes.', error),
    );
    const scrollTo = this.pendingScroll;
    this.pendingScroll = undefined;
    const message: RenderMessage = {
      type: 'render',
      language,
      html: rendered.html,
      toc: rendered.toc,
      labels: pageLabels(),
      fontSize: fontSizeSetting(),
      scrollTo,
      progress: this.deps.progress(),
      teamNotes,
    };
    this.latest = message;
    this.renders++;
    if (this.inHtml === undefined) {
      this.inHtml = message;
      this.webview.html = this.pageHtml(message, assets);
    } else if (this.ready) {
      await this.post(message);
    }
    // Otherwise the page is loading or being rebuilt: it gets `latest` when it says `ready`.
  }

  postTeamNotes(teamNotes: TeamNotesBlock): void {
    if (this.latest) {
      this.latest = { ...this.latest, teamNotes };
      if (this.ready) {
        void this.post({ type: 'teamNotes', teamNotes });
      }
    }
  }

  postProgress(progress: readonly PrincipleProgress[]): void {
    if (this.latest) {
      this.latest = { ...this.latest, progress };
      if (this.ready) {
        void this.post({ type: 'progress', progress });
      }
    }
  }

  postFontSize(): void {
    if (this.latest) {
      const fontSize = fontSizeSetting();
      this.latest = { ...this.latest, fontSize };
      if (this.ready) {
        void this.post({ type: 'fontSize', fontSize });
      }
    }
  }

  private pageHtml(initialRender: RenderMessage, assets: PageAssets): string {
    const resource = (...segments: string[]): string => this.webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...segments)).toString();
    const style: PageStyle = assets.style !== undefined ? { inline: assets.style } : { href: resource('media', 'lesson.css') };
    const script: PageScript = assets.script !== undefined ? { inline: assets.script } : { src: resource('dist', 'webview', 'lesson.js') };
    return lessonPageHtml({
      cspSource: this.webview.cspSource,
      nonce: createNonce(),
      style,
      script,
      title: vscode.l10n.t('Collab Coach Lesson'),
      language: initialRender.language === 'zh-cn' ? 'zh-CN' : 'en',
      placement: this.placement,
      initialRender,
    });
  }

  private async post(message: HostMessage): Promise<void> {
    try {
      await this.webview.postMessage(message);
    } catch (error) {
      // The webview was disposed meanwhile.
      this.deps.log.warn(`Could not post ${message.type} to the lesson page: ${String(error)}`);
    }
  }

  /** The page (new, or rebuilt after being hidden) listens now: bring it up to date. */
  private onReady(): void {
    this.ready = true;
    if (this.latest && this.inHtml) {
      // Its HTML may be older than what it should show (notes read, a switch while it loaded, a rebuild).
      for (const message of catchUpMessages(this.inHtml, this.latest)) {
        void this.post(message);
      }
    }
    if (this.pendingScroll !== undefined && this.latest) {
      const sectionId = this.pendingScroll;
      this.pendingScroll = undefined;
      void this.post({ type: 'scrollTo', sectionId });
    }
  }

  private receive(raw: unknown): void {
    handlePageMessage(raw, {
      render: () => this.onReady(),
      sectionVisible: (sectionId) => {
        this.visibleSection = sectionId;
        this.deps.onSection(sectionId);
      },
      // The same as changing the setting: every open view follows.
      setLanguage: (language) => writeLanguageSetting(language),
      openExternal: (href) => vscode.env.openExternal(vscode.Uri.parse(href, true)),
      scrollTo: (sectionId) => this.scrollTo(sectionId),
      drop: (reason, dropped) => {
        this.droppedMessages++;
        this.deps.log.warn(`Dropped a message from the lesson page (${reason}): ${safeDescribe(dropped)}`);
      },
      failed: (action, error) => this.deps.log.error(`The lesson page's ${action} failed.`, error),
    });
  }
}

/** Reads the page's stylesheet and script once per session, to inline them; undefined where that is not safe. */
export function loadPageAssets(extensionUri: vscode.Uri, log: Log): Promise<PageAssets> {
  const decoder = new TextDecoder('utf-8');
  const read = async (...segments: string[]): Promise<string | undefined> => {
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...segments)));
      return canInline(text) ? text : undefined;
    } catch (error) {
      log.warn(`Could not read ${segments.join('/')} to inline it; the page loads it by URL: ${String(error)}`);
      return undefined;
    }
  };
  return Promise.all([read('media', 'lesson.css'), read('dist', 'webview', 'lesson.js')]).then(([style, script]) => ({ style, script }));
}
