/**
 * The lesson Markdown read into its sections, from markdown-it's block tokens with the renderer's
 * own configuration (./markdown), so a section starts exactly where the page shows a heading: no
 * heading inside a fence, setext headings included. No 'vscode' and no Node built-ins: the same
 * code runs in the Node host, the browser host and the unit tests.
 */
import { LineStarts } from '../base/lines';
import { readLessonBlocks } from '../base/markdown';

/** One section of the lesson: a heading that carries a `{#id}` attribute and the text under it. */
export interface LessonSection {
  /** The `{#id}` of the heading, e.g. `principle-1`. */
  readonly id: string;
  /** The heading text without the `#` markers and without the `{#id}`. */
  readonly title: string;
  /** Heading level, 1–6. */
  readonly level: number;
  /** The raw Markdown after the heading, up to the next heading that has an id; trimmed. */
  readonly body: string;
  /** 0-based line of the heading in the source. */
  readonly line: number;
}

/** A `{#id}` id: lower-case ASCII letters, digits and `-`, starting with a letter or digit, at most 64. */
const HEADING_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Splits a heading's text into its visible title and its trailing `{#id}` attribute, if it has one.
 * `splitHeadingId('概述 {#overview}')` gives `{ title: '概述', id: 'overview' }`. Read by hand
 * (linear on any input): a regex with a white-space run before `{#` backtracks on long headings.
 */
export function splitHeadingId(text: string): { title: string; id: string | undefined } {
  const trimmed = text.trimEnd();
  const open = trimmed.endsWith('}') ? trimmed.lastIndexOf('{#') : -1;
  const id = open >= 0 ? trimmed.slice(open + 2, -1) : '';
  if (open < 0 || !HEADING_ID.test(id)) {
    return { title: text.trim(), id: undefined };
  }
  return { title: trimmed.slice(0, open).trim(), id };
}

interface Heading {
  /** 0-based first line of the heading. */
  readonly line: number;
  /** The line after the heading. */
  readonly end: number;
  readonly level: number;
  readonly text: string;
}

/** Every heading as markdown-it reads it, in source order, and the source's lines. */
function readHeadings(markdown: string): { headings: Heading[]; lines: LineStarts } {
  const source = String(markdown).replace(/^\uFEFF/, '');
  const tokens = readLessonBlocks(source);
  const headings: Heading[] = [];
  tokens.forEach((token, index) => {
    const inline = tokens[index + 1];
    if (token.type === 'heading_open' && token.map && inline?.type === 'inline') {
      headings.push({ line: token.map[0], end: token.map[1], level: Number(token.tag.slice(1)), text: inline.content });
    }
  });
  return { headings, lines: new LineStarts(source) };
}

/**
 * The lesson's sections: every heading with a `{#id}` starts one, and its body runs to the next
 * heading with an id (headings without an id stay inside the body). Text before the first such
 * heading (the title and the introduction) belongs to no section.
 */
export function parseLessonSections(markdown: string): LessonSection[] {
  const { headings, lines } = readHeadings(markdown);
  const starts = headings.flatMap((heading) => {
    const { title, id } = splitHeadingId(heading.text);
    return id === undefined ? [] : [{ ...heading, title, id }];
  });
  return starts.map((start, index) => ({
    id: start.id,
    title: start.title,
    level: start.level,
    body: lines.linesBetween(start.end, starts[index + 1]?.line ?? Number.MAX_SAFE_INTEGER).trim(),
    line: start.line,
  }));
}

/** The text of the first level-1 heading (without any `{#id}`), or undefined if there is none. */
export function lessonTitle(markdown: string): string | undefined {
  const heading = readHeadings(markdown).headings.find((candidate) => candidate.level === 1);
  return heading ? splitHeadingId(heading.text).title : undefined;
}
