/**
 * Pure parsing of the lesson Markdown into its sections. No 'vscode' and no Node built-ins: the
 * same code runs in the Node host, the browser host and the unit tests.
 */

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

/** A trailing `{#id}` heading attribute; ids are lower-case ASCII letters, digits and `-`. */
const HEADING_ID_ATTRIBUTE = /\s*\{#([a-z0-9-]+)\}\s*$/;

/** An ATX heading (up to three spaces of indent); group 1 is the `#`s, group 2 the text. */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/** The opening (or closing) line of a fenced code block; group 1 is the fence itself. */
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Splits a heading's text into its visible title and its `{#id}` attribute, if it has one.
 * `splitHeadingId('概述 {#overview}')` gives `{ title: '概述', id: 'overview' }`.
 */
export function splitHeadingId(text: string): { title: string; id: string | undefined } {
  const match = HEADING_ID_ATTRIBUTE.exec(text);
  if (!match) {
    return { title: text.trim(), id: undefined };
  }
  return { title: text.slice(0, match.index).trim(), id: match[1] };
}

interface HeadingLine {
  readonly line: number;
  readonly level: number;
  readonly text: string;
}

/** Every ATX heading outside fenced code blocks, in source order. */
function scanHeadings(lines: readonly string[]): HeadingLine[] {
  const headings: HeadingLine[] = [];
  let openFence: string | undefined;
  lines.forEach((lineText, line) => {
    const fence = CODE_FENCE.exec(lineText);
    if (openFence !== undefined) {
      // A fence closes only with the same character, at least as long, and nothing after it.
      const marker = fence?.[1];
      if (marker && marker[0] === openFence[0] && marker.length >= openFence.length && fence[2]?.trim() === '') {
        openFence = undefined;
      }
      return;
    }
    if (fence?.[1] && !(fence[1][0] === '`' && fence[2]?.includes('`'))) {
      openFence = fence[1];
      return;
    }
    const heading = ATX_HEADING.exec(lineText);
    if (heading?.[1]) {
      // An optional closing sequence of `#`s is not part of the text.
      const text = (heading[2] ?? '').replace(/(?:^|[ \t]+)#+$/, '');
      headings.push({ line, level: heading[1].length, text });
    }
  });
  return headings;
}

function splitLines(markdown: string): string[] {
  return markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/**
 * The lesson's sections: every heading with a `{#id}` starts one, and its body runs to the next
 * heading with an id (headings without an id stay inside the body). Text before the first such
 * heading (the title and the introduction) belongs to no section.
 */
export function parseLessonSections(markdown: string): LessonSection[] {
  const lines = splitLines(markdown);
  const starts = scanHeadings(lines).flatMap((heading) => {
    const { title, id } = splitHeadingId(heading.text);
    return id === undefined ? [] : [{ ...heading, title, id }];
  });
  return starts.map((start, index) => {
    const end = starts[index + 1]?.line ?? lines.length;
    return {
      id: start.id,
      title: start.title,
      level: start.level,
      body: lines.slice(start.line + 1, end).join('\n').trim(),
      line: start.line,
    };
  });
}

/** The text of the first level-1 heading (without any `{#id}`), or undefined if there is none. */
export function lessonTitle(markdown: string): string | undefined {
  const heading = scanHeadings(splitLines(markdown)).find((candidate) => candidate.level === 1);
  return heading ? splitHeadingId(heading.text).title : undefined;
}
