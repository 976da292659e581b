/**
 * Where a missing section of the full plan goes, and its text (pure): the quick fix and fix-all
 * insert it. Reads the document through the plan model, so markers in code or comments are not
 * taken for sections, and a document ending inside an unclosed fence gets the fence closed first
 * (or the new section would be code).
 */
import { buildMergeSnippet } from './merge';
import { parsePlan } from './planModel';
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
