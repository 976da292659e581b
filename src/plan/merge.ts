/**
 * Pure: decides what inserting a template into an existing document adds, so inserting again
 * never duplicates a section.
 */
import { renumberPlaceholders } from './snippet';
import { type InsertableTemplate, REPEATABLE_MARKERS, findMarkers } from './templates';

export interface MergeResult {
  /** Snippet to insert (tab stops numbered from 1); empty when there is nothing to add. */
  readonly snippet: string;
  /** Markers of the sections the snippet adds, in template order. */
  readonly added: string[];
  /** Markers of the template's sections the document already has (left alone). */
  readonly present: string[];
}

/**
 * Reads the line ranges ([start, end)) of a text's top-level headings; the insert command passes
 * markdown-it's reading (src/plan/titleLines.ts).
 */
export type TitleReader = (text: string) => readonly (readonly [number, number])[];

/** Without a preamble (a list of sections), nothing of it can be a title. */
type MergeableTemplate = Pick<InsertableTemplate, 'body' | 'sections'> & Partial<Pick<InsertableTemplate, 'preamble'>>;

/** Markers of the template's sections the document lacks; repeatable sections always count as missing. */
export function missingSections(template: MergeableTemplate, documentText: string): string[] {
  const inDocument = new Set(findMarkers(documentText));
  return template.sections
    .map((section) => section.marker)
    .filter((marker) => REPEATABLE_MARKERS.has(marker) || !inDocument.has(marker));
}

/**
 * The whole template when the document has none of its sections (preamble included, but not its
 * title when `readTitles` finds one in the document: that would be a second top-level heading);
 * otherwise only the missing sections, without the preamble, renumbered from 1. A template
 * without markers (some team templates) is always inserted whole.
 */
export function buildMergeSnippet(template: MergeableTemplate, documentText: string, readTitles?: TitleReader): MergeResult {
  const missing = new Set(missingSections(template, documentText));
  const added = template.sections.map((section) => section.marker).filter((marker) => missing.has(marker));
  const present = template.sections.map((section) => section.marker).filter((marker) => !missing.has(marker));
  if (present.length === 0) {
    return { snippet: withFinalNewline(renumberPlaceholders(readTitles ? wholeTemplateFor(template, documentText, readTitles) : template.body)), added, present };
  }
  if (added.length === 0) {
    return { snippet: '', added, present };
  }
  const blocks = template.sections.filter((section) => missing.has(section.marker)).map((section) => section.text.trimEnd());
  return { snippet: renumberPlaceholders(blocks.join('\n\n') + '\n'), added, present };
}

/** The template's body, without its title lines when the document has a title of its own. */
function wholeTemplateFor(template: MergeableTemplate, documentText: string, readTitles: TitleReader): string {
  const titleLines = readTitles(template.preamble ?? '');
  if (titleLines.length === 0 || readTitles(documentText).length === 0) {
    return template.body;
  }
  const preamble = (template.preamble ?? '').split('\n').filter((_, line) => !titleLines.some(([start, end]) => line >= start && line < end));
  const withoutTitle = [preamble.join('\n').replace(/^\n+/, ''), ...template.sections.map((section) => section.text)].join('\n');
  // A template that is nothing but a title still inserts something.
  return withoutTitle.trim() === '' ? template.body : withoutTitle;
}

function withFinalNewline(text: string): string {
  const trimmed = text.replace(/^\n+/, '').trimEnd();
  return trimmed === '' ? '' : trimmed + '\n';
}

/** How to place a snippet at a cursor so its marker lines start a line of their own. */
export interface InsertionLayout {
  /** New text for the cursor's line before inserting (whitespace and line breaks only), or undefined to leave it. */
  readonly lineReplacement: string | undefined;
  /** Lines below the cursor's line where the snippet goes, at column 0. */
  readonly lineOffset: number;
  /** Text inserted before the snippet (a blank line after a non-blank previous line). */
  readonly prefix: string;
}

/**
 * Markers must sit on their own unindented line, and VS Code re-indents every snippet line to the
 * indentation of the line it is inserted on. So the snippet always goes on an empty line: text
 * before the cursor stays on its line, text after it moves below the snippet, a blank line
 * separates them. Only whitespace changes; no user text is lost.
 */
export function insertionLayout(lineText: string, column: number, previousLineText: string | undefined): InsertionLayout {
  const before = lineText.slice(0, column);
  const after = lineText.slice(column);
  const hasBefore = before.trim() !== '';
  const hasAfter = after.trim() !== '';
  const blankLineFirst = previousLineText !== undefined && previousLineText.trim() !== '' ? '\n' : '';
  if (!hasBefore) {
    const lines = hasAfter ? ['', lineText] : [''];
    const lineReplacement = lines.join('\n');
    return {
      lineReplacement: lineReplacement === lineText ? undefined : lineReplacement,
      lineOffset: 0,
      prefix: blankLineFirst,
    };
  }
  const lines = [before, '', ''];
  if (hasAfter) {
    lines.push(after);
  }
  return { lineReplacement: lines.join('\n'), lineOffset: 2, prefix: '' };
}
