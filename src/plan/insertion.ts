/**
 * Where a missing section of the full plan goes, and its text (pure): the quick fix and fix-all
 * insert it. Reads the document through the plan model, so markers in code or comments are not
 * taken for sections, and a document ending inside an unclosed fence gets the fence closed first
 * (or the new section would be code).
 */
import { buildMergeSnippet } from './merge';
import { parsePlan, type PlanModel } from './planModel';
import { snippetToPlainText } from './snippet';
import type { InsertableTemplate } from './templates';

/** Where and what to insert so the document gains a missing section of the full plan. */
export interface SectionInsertion {
  /** 0-based position to insert at. */
  readonly line: number;
  readonly character: number;
  /** Plain text: the template's section with its questions in place of the blanks. */
  readonly text: string;
}

/** The document's lines as VS Code numbers them. */
function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The text of `marker`'s section from the full-plan template, built by the template merge, and
 * where it belongs: before the next full-plan section the document has, or at the end.
 * Undefined when the template has no such section or the document already has it.
 */
export function missingSectionInsertion(fullPlan: Pick<InsertableTemplate, 'sections'>, documentText: string, marker: string, now: Date): SectionInsertion | undefined {
  const model = parsePlan(documentText);
  const present = new Set(model.sections.map((section) => section.marker));
  const section = fullPlan.sections.find((candidate) => candidate.marker === marker);
  if (!section || present.has(marker)) {
    return undefined;
  }
  // The merge only needs to know which markers the document has; give it just those lines.
  const sectionsToMerge = fullPlan.sections.filter((candidate) => candidate.marker === marker || present.has(candidate.marker));
  const merge = buildMergeSnippet(
    { body: sectionsToMerge.map((candidate) => candidate.text).join('\n\n'), sections: sectionsToMerge },
    [...present].map((presentMarker) => `<!-- collab:${presentMarker} -->`).join('\n\n'),
  );
  if (!merge.added.includes(marker)) {
    return undefined;
  }
  const eol = documentText.includes('\r\n') ? '\r\n' : '\n';
  const sectionText = snippetToPlainText(merge.snippet, now).trimEnd().split('\n').join(eol);
  const order = fullPlan.sections.map((candidate) => candidate.marker);
  const rank = order.indexOf(marker);
  const lines = splitLines(documentText);
  const next = model.sections.find((candidate) => order.indexOf(candidate.marker) > rank);
  if (next) {
    const previous = lines[next.markerLine - 1];
    const blankBefore = previous !== undefined && previous.trim() !== '' ? eol : '';
    return { line: next.markerLine, character: 0, text: blankBefore + sectionText + eol + eol };
  }
  const lastLine = lines.length - 1;
  const lastText = lines[lastLine] ?? '';
  const beforeLast = lines[lastLine - 1];
  let prefix = lastText !== '' ? eol + eol : beforeLast !== undefined && beforeLast.trim() !== '' ? eol : '';
  if (model.openFenceAtEnd !== undefined) {
    // Close the fence the document ends in, or the section would be code.
    prefix = (lastText !== '' ? eol : '') + model.openFenceAtEnd + eol + eol;
  }
  return { line: lastLine, character: lastText.length, text: prefix + sectionText + eol };
}

/** Applies an insertion to text (positions as VS Code numbers lines: CRLF, CR or LF). */
export function applyInsertion(text: string, insertion: SectionInsertion): string {
  let offset = 0;
  const lineBreak = /\r\n|\r|\n/g;
  for (let line = 0; line < insertion.line; line++) {
    const found = lineBreak.exec(text);
    if (!found) {
      offset = text.length;
      break;
    }
    offset = found.index + found[0].length;
  }
  offset = Math.min(text.length, offset + insertion.character);
  return text.slice(0, offset) + insertion.text + text.slice(offset);
}

/** One replacement of the document's text: [start, end) offsets and the new text. */
export interface TextReplacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Every missing section of the full plan inserted at once, as one replacement (one undo): the
 * sections are inserted one after another, each where it belongs in the text so far, and the
 * change is reduced to the span that differs.
 */
export function fixAllMissingSections(fullPlan: Pick<InsertableTemplate, 'sections'>, documentText: string, now: Date): TextReplacement | undefined {
  const present = new Set(parsePlan(documentText).sections.map((section) => section.marker));
  const fullPlanMarkers = fullPlan.sections.map((section) => section.marker);
  if (!fullPlanMarkers.some((marker) => present.has(marker))) {
    return undefined; // Not a full plan: nothing is "missing".
  }
  let text = documentText;
  for (const marker of fullPlanMarkers) {
    const insertion = missingSectionInsertion(fullPlan, text, marker, now);
    if (insertion) {
      text = applyInsertion(text, insertion);
    }
  }
  if (text === documentText) {
    return undefined;
  }
  let start = 0;
  while (start < documentText.length && documentText[start] === text[start]) {
    start++;
  }
  let endOld = documentText.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && documentText[endOld - 1] === text[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return { start, end: endOld, text: text.slice(start, endNew) };
}

/** Where "Don't check RULE here" writes its comment: above the block holding the finding's line. */
export function suppressionInsertion(model: Pick<PlanModel, 'blockStarts'>, line: number, code: string, eol: string): SectionInsertion {
  let blockStart = 0;
  for (const start of model.blockStarts) {
    if (start > line) {
      break;
    }
    blockStart = start;
  }
  return { line: blockStart, character: 0, text: `<!-- collab-coach-disable-next-line ${code} -->${eol}` };
}
