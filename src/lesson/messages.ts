/**
 * The typed protocol between the lesson page (webview) and the extension host. Both sides validate
 * what arrives: anything that does not match exactly is dropped, never acted on.
 * Pure: no `vscode`, no Node built-ins (the page script bundles it too).
 */

export type LessonLanguage = 'zh-cn' | 'en';

export interface TocEntry {
  readonly id: string;
  readonly title: string;
  readonly level: number;
}

/** Per-principle progress marks shown in the page. */
export interface PrincipleProgress {
  readonly sectionId: string;
  readonly read: boolean;
  readonly practised: boolean;
}

/** UI strings of the page, translated by the host (the page holds no strings of its own). */
export interface PageLabels {
  readonly contents: string;
  readonly language: string;
  readonly chinese: string;
  readonly english: string;
  readonly lesson: string;
  readonly read: string;
  readonly notRead: string;
  readonly practised: string;
  readonly notPractised: string;
  readonly progress: string;
}

/** The "Team notes" part of the page: notes the workspace keeps in `.collab/notes/`. */
export interface TeamNotesBlock {
  /** `none`: no notes, nothing shown; `restricted`: the workspace is not trusted, so notes are not rendered. */
  readonly state: 'none' | 'shown' | 'restricted';
  readonly heading: string;
  /** Sentences for the reader: why notes are not rendered, which files were skipped and why. */
  readonly notices: readonly string[];
  readonly notes: readonly { readonly name: string; readonly html: string }[];
}

export type HostMessage =
  | {
      readonly type: 'render';
      readonly language: LessonLanguage;
      readonly html: string;
      readonly toc: readonly TocEntry[];
      readonly labels: PageLabels;
      readonly fontSize: number;
      /** Where to put the reader: a section id, or undefined to keep (or restore) their place. */
      readonly scrollTo: string | undefined;
      readonly progress: readonly PrincipleProgress[];
      readonly teamNotes: TeamNotesBlock;
    }
  | { readonly type: 'teamNotes'; readonly teamNotes: TeamNotesBlock }
  | { readonly type: 'scrollTo'; readonly sectionId: string }
  | { readonly type: 'fontSize'; readonly fontSize: number }
  | { readonly type: 'progress'; readonly progress: readonly PrincipleProgress[] };

/** The message that carries the whole lesson (also the first page's data block). */
export type RenderMessage = Extract<HostMessage, { type: 'render' }>;

export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'openLink'; readonly href: string }
  | { readonly type: 'setLanguage'; readonly language: LessonLanguage }
  /** The section at the top of the reader's viewport, sent when it changes. */
  | { readonly type: 'section'; readonly sectionId: string };

// Heading ids: the lesson's ASCII ids, or slugs of other headings (which may keep CJK letters).
const SECTION_ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,127}$/u;
const MAX_HREF_LENGTH = 2048;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(record: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(record).every((key) => keys.includes(key));
}

/**
 * What a page whose HTML carries `shown` needs in order to show `latest` once it says ready. Where
 * only the team notes, the progress or the font size changed meanwhile, just those: a full render
 * would put the reader back at the top instead of the place the page restored. Anything else (the
 * language, the lesson, the labels) takes the render itself.
 */
export function catchUpMessages(shown: RenderMessage, latest: RenderMessage): HostMessage[] {
  if (latest === shown) {
    return [];
  }
  const sameLesson =
    latest.language === shown.language && latest.html === shown.html && latest.toc === shown.toc && latest.labels === shown.labels && latest.scrollTo === shown.scrollTo;
  if (!sameLesson) {
    return [latest];
  }
  const parts: HostMessage[] = [];
  if (latest.teamNotes !== shown.teamNotes) {
    parts.push({ type: 'teamNotes', teamNotes: latest.teamNotes });
  }
  if (latest.progress !== shown.progress) {
    parts.push({ type: 'progress', progress: latest.progress });
  }
  if (latest.fontSize !== shown.fontSize) {
    parts.push({ type: 'fontSize', fontSize: latest.fontSize });
  }
  return parts;
}

export function isLessonLanguage(value: unknown): value is LessonLanguage {
  return value === 'zh-cn' || value === 'en';
}

export function isSectionIdShape(value: unknown): value is string {
  return typeof value === 'string' && SECTION_ID_PATTERN.test(value);
}

/** Validates a message from the page. Returns undefined for anything malformed or unknown. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!isRecord(raw) || typeof raw['type'] !== 'string') {
    return undefined;
  }
  switch (raw['type']) {
    case 'ready':
      return hasOnlyKeys(raw, ['type']) ? { type: 'ready' } : undefined;
    case 'openLink': {
      const href = raw['href'];
      if (!hasOnlyKeys(raw, ['type', 'href']) || typeof href !== 'string' || href.length === 0 || href.length > MAX_HREF_LENGTH) {
        return undefined;
      }
      return { type: 'openLink', href };
    }
    case 'setLanguage': {
      const language = raw['language'];
      return hasOnlyKeys(raw, ['type', 'language']) && isLessonLanguage(language) ? { type: 'setLanguage', language } : undefined;
    }
    case 'section': {
      const sectionId = raw['sectionId'];
      return hasOnlyKeys(raw, ['type', 'sectionId']) && isSectionIdShape(sectionId) ? { type: 'section', sectionId } : undefined;
    }
    default:
      return undefined;
  }
}

/** What the host may do with a link the reader clicked. */
export type LinkAction =
  | { readonly kind: 'external'; readonly href: string }
  | { readonly kind: 'anchor'; readonly sectionId: string }
  | { readonly kind: 'refuse' };

/** Only http(s) and mailto leave the page; in-page anchors stay; everything else is refused. */
export function classifyLink(href: string): LinkAction {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) {
    const id = trimmed.slice(1);
    return isSectionIdShape(id) ? { kind: 'anchor', sectionId: id } : { kind: 'refuse' };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if ((scheme === 'http' || scheme === 'https') && /^https?:\/\/[^\s/]+/i.test(trimmed)) {
    return { kind: 'external', href: trimmed };
  }
  if (scheme === 'mailto' && trimmed.length > 'mailto:'.length) {
    return { kind: 'external', href: trimmed };
  }
  return { kind: 'refuse' };
}

/** Validates a message from the host, on the page side. */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (!isRecord(raw) || typeof raw['type'] !== 'string') {
    return undefined;
  }
  switch (raw['type']) {
    case 'render': {
      const { language, html, toc, labels, fontSize, scrollTo, progress, teamNotes } = raw;
      if (
        !isLessonLanguage(language) ||
        typeof html !== 'string' ||
        !Array.isArray(toc) ||
        !toc.every(isTocEntry) ||
        !isLabels(labels) ||
        typeof fontSize !== 'number' ||
        !(scrollTo === undefined || isSectionIdShape(scrollTo)) ||
        !isProgressList(progress) ||
        !isTeamNotesBlock(teamNotes)
      ) {
        return undefined;
      }
      return { type: 'render', language, html, toc, labels, fontSize, scrollTo, progress, teamNotes };
    }
    case 'teamNotes':
      return isTeamNotesBlock(raw['teamNotes']) ? { type: 'teamNotes', teamNotes: raw['teamNotes'] } : undefined;
    case 'scrollTo':
      return isSectionIdShape(raw['sectionId']) ? { type: 'scrollTo', sectionId: raw['sectionId'] } : undefined;
    case 'fontSize':
      return typeof raw['fontSize'] === 'number' ? { type: 'fontSize', fontSize: raw['fontSize'] } : undefined;
    case 'progress':
      return isProgressList(raw['progress']) ? { type: 'progress', progress: raw['progress'] } : undefined;
    default:
      return undefined;
  }
}

function isTeamNotesBlock(value: unknown): value is TeamNotesBlock {
  return (
    isRecord(value) &&
    (value['state'] === 'none' || value['state'] === 'shown' || value['state'] === 'restricted') &&
    typeof value['heading'] === 'string' &&
    Array.isArray(value['notices']) &&
    value['notices'].every((notice) => typeof notice === 'string') &&
    Array.isArray(value['notes']) &&
    value['notes'].every((note) => isRecord(note) && typeof note['name'] === 'string' && typeof note['html'] === 'string')
  );
}

function isTocEntry(value: unknown): value is TocEntry {
  return isRecord(value) && isSectionIdShape(value['id']) && typeof value['title'] === 'string' && typeof value['level'] === 'number';
}

const LABEL_KEYS: readonly (keyof PageLabels)[] = [
  'contents', 'language', 'chinese', 'english', 'lesson', 'read', 'notRead', 'practised', 'notPractised', 'progress',
];

function isLabels(value: unknown): value is PageLabels {
  return isRecord(value) && LABEL_KEYS.every((key) => typeof value[key] === 'string');
}

function isProgressList(value: unknown): value is readonly PrincipleProgress[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        isRecord(entry) && isSectionIdShape(entry['sectionId']) && typeof entry['read'] === 'boolean' && typeof entry['practised'] === 'boolean',
    )
  );
}
