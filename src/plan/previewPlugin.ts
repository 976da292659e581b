/**
 * The plan in VS Code's Markdown preview (pure): a markdown-it plugin for the preview's own engine.
 * On a document holding Collab Coach markers it reads the plan through the plan model, from the
 * tokens the engine has just made, and adds to them: a badge on each section's heading (its
 * principle and its answered count), a muted prompt where a template question still stands in for
 * an answer, a chart of each side's effort after the workload table, and a mark on overdue
 * check-ins. Any other document never gets here (previewHook.ts) and is left exactly as it was.
 *
 * It never creates a markdown-it of its own (it is given the engine) and never passes user text
 * through unescaped: every piece of HTML it adds is made here, with the engine's escapeHtml.
 */
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import * as previewWords from '../../content/coach/preview.json';
import type { ContentLanguage } from '../content/language';
import { parsePlan, type PlanModel, type PlanSection } from './planModel';
import type { PlanDecorator } from './previewHook';
import { workloadChart, workloadChartSvg, type WorkloadChart } from './previewChart';
import { fillMessage, sectionLabel } from './ruleMessages';
import { overdueCheckins } from './rules';
import { isPlanSectionMarker, SECTION_PRINCIPLES } from './sectionPrinciples';
import type { TemplateKnowledge } from './templateKnowledge';

export interface PlanPreviewOptions {
  /** What the templates ask; undefined while it is still loading (the plugin then adds nothing). */
  knowledge(): TemplateKnowledge | undefined;
  /** Today as `YYYY-MM-DD` (local): check-ins open before it are overdue. */
  today(): string;
  /** A plan was rendered plainly because the templates' knowledge was not there yet. */
  onPlanWithoutKnowledge?(): void;
}

/** Classes the preview's style sheet (media/planPreview.css) knows. */
export const PREVIEW_CLASSES = {
  badge: 'collab-coach-badge',
  prompt: 'collab-coach-prompt',
  promptLabel: 'collab-coach-prompt-label',
  overdue: 'collab-coach-overdue',
  overdueLabel: 'collab-coach-overdue-label',
  chart: 'collab-coach-chart',
} as const;

const BADGE = 'collab_coach_badge';
const LABEL = 'collab_coach_label';
const CHART = 'collab_coach_chart';

/** Where a question's text sits, by how close the block is to the question (a whole item first). */
const QUESTION_BLOCKS = ['list_item_open', 'tr_open', 'heading_open', 'paragraph_open'] as const;

/**
 * The decorator of an engine (loaded by previewHook.ts on the first document that may hold a
 * marker): registers how its tokens render, then decorates each plan the engine parses.
 */
export function createPlanDecorator(md: MarkdownIt, options: PlanPreviewOptions): PlanDecorator {
  const escape = md.utils.escapeHtml;
  md.renderer.rules[BADGE] = (tokens, index) => ` <span class="${PREVIEW_CLASSES.badge}">${escape(String(tokens[index]?.content ?? ''))}</span>`;
  md.renderer.rules[LABEL] = (tokens, index) => {
    const token = tokens[index];
    return ` <span class="${escape(String(token?.info ?? ''))}">${escape(String(token?.content ?? ''))}</span>`;
  };
  md.renderer.rules[CHART] = (tokens, index) => {
    const meta = tokens[index]?.meta as { chart: WorkloadChart; language: ContentLanguage } | undefined;
    return meta ? workloadChartSvg(meta.chart, meta.language, escape) : '';
  };
  return {
    decorate(state) {
      const knowledge = options.knowledge();
      if (!knowledge) {
        options.onPlanWithoutKnowledge?.();
        return;
      }
      decoratePlan(state, parsePlan(state.src, knowledge, state.tokens), options.today());
    },
  };
}

/** Tokens to insert after a position, gathered first and spliced in one pass (a plan may hold 100,000 check-ins). */
class Insertions {
  private readonly after = new Map<number, Token[]>();

  add(index: number, token: Token): void {
    const list = this.after.get(index);
    if (list) {
      list.push(token);
    } else {
      this.after.set(index, [token]);
    }
  }

  applyTo(tokens: readonly Token[]): Token[] {
    if (this.after.size === 0) {
      return [...tokens];
    }
    const result: Token[] = [];
    tokens.forEach((token, index) => {
      result.push(token);
      result.push(...(this.after.get(index) ?? []));
    });
    return result;
  }
}

function decoratePlan(state: StateCore, model: PlanModel, today: string): void {
  if (model.sections.length === 0) {
    return;
  }
  const tokens = state.tokens;
  const openings = openingsByLine(tokens);
  const paragraphs = paragraphLines(tokens);
  const insertions = new Insertions();
  const language = model.language;
  const make = (type: string, content: string, level: number): Token => {
    const token = new state.Token(type, '', 0);
    token.content = content;
    token.level = level;
    token.block = type === CHART;
    return token;
  };
  /** A small label after the first text of the block opened at `index`, inside it. */
  const labelAfterText = (index: number, className: string, text: string): void => {
    const inline = firstInlineAfter(tokens, index);
    if (inline !== undefined) {
      const label = make(LABEL, text, tokens[inline]?.level ?? 0);
      label.info = className;
      insertions.add(inline, label);
    }
  };

  for (const section of model.sections) {
    const heading = section.heading ? openingAt(tokens, openings, section.heading.line, ['heading_open']) : undefined;
    const headingInline = heading === undefined ? undefined : firstInlineAfter(tokens, heading);
    if (headingInline !== undefined) {
      insertions.add(headingInline, make(BADGE, badgeText(section, language), tokens[headingInline]?.level ?? 0));
    }
    for (const question of section.questions) {
      if (question.answered || question.leftover === undefined) {
        continue;
      }
      // A question on a later line of a paragraph mutes the whole paragraph: never shown as answered.
      const block = openingAt(tokens, openings, question.line, QUESTION_BLOCKS) ?? paragraphs.get(question.line);
      if (block !== undefined) {
        tokens[block]?.attrJoin('class', PREVIEW_CLASSES.prompt);
        labelAfterText(block, PREVIEW_CLASSES.promptLabel, previewWords.prompt[language]);
      }
    }
    const chart = section.marker === 'workload' ? workloadChart(section.workload, language) : undefined;
    const tableEnd = chart ? firstTableEnd(tokens, section) : undefined;
    if (chart && tableEnd !== undefined) {
      const token = make(CHART, '', tokens[tableEnd]?.level ?? 0);
      token.meta = { chart, language };
      insertions.add(tableEnd, token);
    }
  }
  for (const finding of overdueCheckins({ model, today })) {
    const item = openingAt(tokens, openings, finding.line, ['list_item_open']);
    if (item !== undefined) {
      tokens[item]?.attrJoin('class', PREVIEW_CLASSES.overdue);
      labelAfterText(item, PREVIEW_CLASSES.overdueLabel, previewWords.overdue[language]);
    }
  }
  state.tokens = insertions.applyTo(tokens);
}

/** "Principle 1 · 2/3 answered": the section's principles, then its state as the CodeLens says it. */
function badgeText(section: PlanSection, language: ContentLanguage): string {
  const state = sectionLabel(section)[language];
  const principles = isPlanSectionMarker(section.marker) ? SECTION_PRINCIPLES[section.marker] : [];
  if (principles.length === 0) {
    return state;
  }
  const names = principles.map((principle) => previewWords.principles[principle][language]).join(previewWords.principleSeparator[language]);
  return fillMessage(previewWords.badge[language], { principles: names, state });
}

/** Indices of the block tokens opening on each line, in document order. */
function openingsByLine(tokens: readonly Token[]): Map<number, number[]> {
  const openings = new Map<number, number[]>();
  tokens.forEach((token, index) => {
    if (token.nesting !== 1 || !token.map) {
      return;
    }
    const line = token.map[0];
    const list = openings.get(line);
    if (list) {
      list.push(index);
    } else {
      openings.set(line, [index]);
    }
  });
  return openings;
}

/** The paragraph each line belongs to (paragraphs never nest, so this is linear in the lines). */
function paragraphLines(tokens: readonly Token[]): Map<number, number> {
  const lines = new Map<number, number>();
  tokens.forEach((token, index) => {
    if (token.type === 'paragraph_open' && token.map) {
      for (let line = token.map[0]; line < token.map[1]; line++) {
        lines.set(line, index);
      }
    }
  });
  return lines;
}

/** The block opening on `line` of the first type of `types` that has one. */
function openingAt(tokens: readonly Token[], openings: ReadonlyMap<number, readonly number[]>, line: number, types: readonly string[]): number | undefined {
  const candidates = openings.get(line) ?? [];
  for (const type of types) {
    const found = candidates.find((index) => tokens[index]?.type === type);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** The first `inline` token inside the block opened at `open` (before the block closes). */
function firstInlineAfter(tokens: readonly Token[], open: number): number | undefined {
  const level = tokens[open]?.level ?? 0;
  for (let index = open + 1; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token || (token.nesting === -1 && token.level === level)) {
      return undefined;
    }
    if (token.type === 'inline') {
      return index;
    }
  }
  return undefined;
}

/** The `table_close` of the section's first table: where the workload chart goes. */
function firstTableEnd(tokens: readonly Token[], section: PlanSection): number | undefined {
  const open = tokens.findIndex((token) => token.type === 'table_open' && token.map !== null && token.map[0] > section.markerLine && token.map[0] <= section.endLine);
  if (open < 0) {
    return undefined;
  }
  const level = tokens[open]?.level ?? 0;
  for (let index = open + 1; index < tokens.length; index++) {
    if (tokens[index]?.type === 'table_close' && tokens[index]?.level === level) {
      return index;
    }
  }
  return undefined;
}
