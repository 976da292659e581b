/**
 * The planning templates (pure).
 *
 * A template file is front matter between `---` lines, then a body in VS Code snippet syntax.
 * The body is split into sections by marker comments, found the way the plan model finds them:
 *
 *     <!-- collab:needs -->
 *     ## 一、核心需求
 *     > 课程：原则一 · …
 *
 * Markers are language independent, so the insert command and the coach can tell which sections
 * a document already has, whatever language it was written in.
 *
 * Conventions the plan model (planModel.ts) relies on:
 * - A section runs from its marker line to the next marker line (or the end of the document).
 * - The workload section holds a Markdown table with the columns side | task | estimated effort;
 *   the side cell of each row is one of WORKLOAD_SIDE_LABELS.
 * - A check-in is a task-list line that starts with an ISO date: `- [ ] 2026-12-01 …` (open) or
 *   `- [x] 2026-12-01 …` (held). An unfilled date is left as the literal `YYYY-MM-DD`.
 */
import { type ContentLanguage, isContentLanguage } from '../content/language';
import { type LessonSectionId, isLessonSectionId } from '../content/sections';
import { splitFrontMatter } from './frontMatter';
import { readPlanBlocks } from './planBlocks';
import { DATE_AND_RANDOM_VARIABLES, escapeSnippetText, keepOnlyVariables } from './snippet';

/** The templates the extension ships, in picker order. Files: content/templates/<id>.<lang>.md */
export const BUILT_IN_TEMPLATE_IDS = ['full-plan', 'quick-check', 'fairness-checkin', 'kickoff-note'] as const;
export type BuiltInTemplateId = (typeof BUILT_IN_TEMPLATE_IDS)[number];

export function isBuiltInTemplateId(value: unknown): value is BuiltInTemplateId {
  return typeof value === 'string' && (BUILT_IN_TEMPLATE_IDS as readonly string[]).includes(value);
}

export function builtInTemplateFileName(id: BuiltInTemplateId, language: ContentLanguage): string {
  return `${id}.${language}.md`;
}

/** Marker ids the built-in templates use. */
export const PLAN_SECTION_MARKERS = [
  'needs',
  'shared-interest',
  'self-protection',
  'workload',
  'quick-check',
  'checkin',
  'kickoff',
] as const;
export type PlanSectionMarker = (typeof PLAN_SECTION_MARKERS)[number];

/** Sections that may appear many times in one document (inserting them never counts as a duplicate). */
export const REPEATABLE_MARKERS: ReadonlySet<string> = new Set<string>(['checkin']);

/** Tab stops of the full-plan preamble that `newPlan` fills in from its inputs. */
export const FULL_PLAN_FIELDS = { title: 1, counterpart: 2 } as const;

/** Side labels of the workload table rows, in every content language. */
export const WORKLOAD_SIDE_LABELS = {
  mine: ['我方', 'My side'],
  theirs: ['对方', 'Their side'],
} as const;

/** The part of a template or document from one marker line up to the next. */
export interface PlanSectionBlock {
  /** Marker id, e.g. `needs`. */
  readonly marker: string;
  /** The first heading after the marker, without `#`s (empty if there is none). */
  readonly title: string;
  /** The marker line and everything up to the next marker line. */
  readonly text: string;
}

/** What every insertable template has, built in or from the team. */
export interface InsertableTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Snippet syntax. */
  readonly body: string;
  /** Body text before the first marker (the plan's title lines). */
  readonly preamble: string;
  readonly sections: readonly PlanSectionBlock[];
}

export interface PlanTemplate extends InsertableTemplate {
  readonly id: BuiltInTemplateId;
  readonly language: ContentLanguage;
  readonly lessonSection: LessonSectionId;
}

export interface TeamTemplate extends InsertableTemplate {
  /** `team:<folder name>/<file name>` */
  readonly id: string;
  readonly fileName: string;
}

/** Largest team template file read, in bytes. */
export const TEAM_TEMPLATE_MAX_BYTES = 256 * 1024;

export type TeamTemplateErrorCode =
  | 'too-large'
  | 'binary'
  | 'not-utf8'
  | 'no-front-matter'
  | 'unclosed-front-matter'
  | 'bad-front-matter-line'
  | 'missing-name'
  | 'bad-format'
  | 'empty-body'
  /** The file system refused to stat or read it (set by the adapter). */
  | 'unreadable';

export interface TeamTemplateError {
  readonly code: TeamTemplateErrorCode;
  /** 1-based line in the file, where it helps. */
  readonly line?: number;
}

export type TeamTemplateResult =
  | { readonly ok: true; readonly template: TeamTemplate }
  | { readonly ok: false; readonly fileName: string; readonly error: TeamTemplateError };

/**
 * Parses a built-in template file. Throws on a malformed file: built-in templates are part of the
 * extension and the unit tests keep them well formed.
 */
export function parsePlanTemplate(id: BuiltInTemplateId, language: ContentLanguage, fileText: string): PlanTemplate {
  const parsed = splitFrontMatter(fileText);
  if (!parsed.ok) {
    throw new Error(`Template ${id}.${language}: ${parsed.error.code} (line ${parsed.error.line ?? 1})`);
  }
  const { fields, body } = parsed;
  const name = fields.get('name');
  const description = fields.get('description');
  const lessonSection = fields.get('section');
  if (!name || !description || !isLessonSectionId(lessonSection) || !isContentLanguage(language)) {
    throw new Error(`Template ${id}.${language}: front matter needs name, description and a lesson section id`);
  }
  return { id, language, name, description, lessonSection, body, ...splitSections(body) };
}

/**
 * Parses a team template (`.collab/templates/*.md` in the workspace). Never throws: a broken file
 * comes back as an error the picker can show.
 *
 * Front matter: `name` (required), `description` (optional, one line) and `format` (optional):
 * `snippet` (default, the body uses snippet syntax like the built-in templates, so `$1`/`${1:…}`
 * become tab stops; only date, time and random variables expand, any other `$NAME` stays literal
 * so a shared file can't paste the clipboard or the selection) or `text` (inserted literally).
 */
export function parseTeamTemplate(folderName: string, fileName: string, bytes: Uint8Array): TeamTemplateResult {
  const fail = (code: TeamTemplateErrorCode, line?: number): TeamTemplateResult => ({
    ok: false,
    fileName,
    error: line === undefined ? { code } : { code, line },
  });
  if (bytes.byteLength > TEAM_TEMPLATE_MAX_BYTES) {
    return fail('too-large');
  }
  if (bytes.includes(0)) {
    return fail('binary');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not-utf8');
  }
  const parsed = splitFrontMatter(text);
  if (!parsed.ok) {
    return fail(parsed.error.code, parsed.error.line);
  }
  const name = parsed.fields.get('name');
  if (!name) {
    return fail('missing-name');
  }
  const format = parsed.fields.get('format') ?? 'snippet';
  if (format !== 'snippet' && format !== 'text') {
    return fail('bad-format');
  }
  if (parsed.body.trim() === '') {
    return fail('empty-body');
  }
  const body = format === 'text' ? escapeSnippetText(parsed.body) : keepOnlyVariables(parsed.body, DATE_AND_RANDOM_VARIABLES);
  return {
    ok: true,
    template: {
      id: `team:${folderName}/${fileName}`,
      fileName,
      name,
      description: parsed.fields.get('description') ?? '',
      body,
      ...splitSections(body),
    },
  };
}

/** Markers present in a document, every occurrence in document order (read as CommonMark: never in code or comments). */
export function findMarkers(documentText: string): string[] {
  return readPlanBlocks(documentText).sections.map((section) => section.marker);
}

/** Splits text into the part before the first marker and one block per marker. */
export function splitSections(text: string): { preamble: string; sections: PlanSectionBlock[] } {
  const plan = readPlanBlocks(text);
  const lines = text.split(/\r\n|\r|\n/);
  const preambleEnd = plan.sections[0]?.markerLine ?? lines.length;
  const sections = plan.sections.map((section): PlanSectionBlock => {
    const heading = section.items.find((item) => item.kind === 'heading');
    return {
      marker: section.marker,
      title: heading?.kind === 'heading' ? heading.text : '',
      text: lines.slice(section.markerLine, section.endLine + 1).join('\n'),
    };
  });
  return { preamble: lines.slice(0, preambleEnd).join('\n'), sections };
}
