/**
 * Pure: what a new plan file holds (no 'vscode', no Node built-ins).
 *
 * The file is written to disk complete, as plain text. The snippet that goes with it expands to
 * exactly that text, so the editor can replace the file's content with it once to let the user
 * Tab through the questions without changing a character.
 */
import { type SnippetNode, escapeSnippetText, fillPlaceholders, parseSnippet, serializeSnippet, snippetToPlainText } from './snippet';
import { FULL_PLAN_FIELDS, type InsertableTemplate } from './templates';

/** What the user tells New Plan: who the plan is with and what it is for. */
export interface PlanInputs {
  readonly counterpart: string;
  readonly title: string;
}

export interface NewPlanContent {
  /** The file's text: the template with the inputs filled in and every question as plain text. */
  readonly text: string;
  /** Snippet syntax that expands to `text`, its tab stops on the questions (numbered from 1). */
  readonly snippet: string;
}

const MAX_INPUT_LENGTH = 200;
/** Trailing punctuation markdownlint's MD026 rejects at the end of a heading (the title is one). */
const HEADING_TRAILING_PUNCTUATION = /[.,;:!。，；：！\s]+$/u;

/** One line of plain text: input boxes and arguments may carry line breaks or runs of spaces. */
export function normalizePlanInput(value: string): string {
  return Array.from(value.replace(/\s+/g, ' ').trim()).slice(0, MAX_INPUT_LENGTH).join('');
}

/** The title as it goes into the plan's heading: one line, without trailing sentence punctuation. */
export function normalizePlanTitle(value: string): string {
  return normalizePlanInput(value).replace(HEADING_TRAILING_PUNCTUATION, '');
}

/** The new plan's text and snippet, from the full-plan template, the inputs and today's date. */
export function newPlanContent(template: Pick<InsertableTemplate, 'body'>, inputs: PlanInputs, now: Date): NewPlanContent {
  const filled = fillPlaceholders(
    template.body,
    new Map([
      [FULL_PLAN_FIELDS.title, inputs.title],
      [FULL_PLAN_FIELDS.counterpart, inputs.counterpart],
    ]),
  );
  // Variables (the start date) become text now, so the snippet cannot expand to another day's date.
  const snippet = serializeSnippet(resolveVariables(parseSnippet(filled), now)).trimEnd() + '\n';
  return { text: snippetToPlainText(snippet, now), snippet };
}

function resolveVariables(nodes: readonly SnippetNode[], now: Date): SnippetNode[] {
  return nodes.map((node): SnippetNode => {
    if (node.kind === 'variable') {
      return { kind: 'text', raw: escapeSnippetText(snippetToPlainText(serializeSnippet([node]), now)) };
    }
    if (node.kind === 'tabstop' && node.children) {
      return { ...node, children: resolveVariables(node.children, now) };
    }
    return node;
  });
}
