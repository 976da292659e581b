/**
 * Puts the coach's findings into words (pure). The words are data, per language, in
 * content/coach/messages.json (bundled: the coach needs them before it could read a file).
 */
import * as messages from '../../content/coach/messages.json';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../content/language';
import type { PlanSection } from './planModel';
import type { RuleFinding } from './rules';
import { isPlanSectionMarker } from './sectionPrinciples';
import type { PlanSectionMarker } from './templates';

export type LocalizedText = Readonly<Record<ContentLanguage, string>>;

type MessageTable = Readonly<Record<string, LocalizedText>>;

const SECTION_NAMES: MessageTable = messages.sectionNames;
const LESSON_ASKS: MessageTable = messages.lessonAsks;
const FINDINGS: MessageTable = messages.findings;
const SECTION_LABELS: MessageTable = messages.sectionLabels;

const MAX_TITLE_LENGTH = 40;
const MAX_QUOTED_QUESTION_LENGTH = 60;
const PLACEHOLDER = /\{([a-z]+)\}/;

/**
 * Each message split once at its placeholders: text, name, text, name, …, text. The messages are
 * the bundled words (a few hundred); a scan fills them for every finding of every plan.
 */
const splitMessages = new Map<string, readonly string[]>();
const MAX_SPLIT_MESSAGES = 1024;

function splitMessage(template: string): readonly string[] {
  let parts = splitMessages.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    if (splitMessages.size < MAX_SPLIT_MESSAGES) {
      splitMessages.set(template, parts);
    }
  }
  return parts;
}

/** `{name}` placeholders of a message filled in; unknown names stay as written. */
export function fillMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  const parts = splitMessage(template);
  let filled = parts[0] ?? '';
  for (let at = 1; at < parts.length; at += 2) {
    const name = parts[at] as string;
    filled += (name in values ? String(values[name]) : `{${name}}`) + (parts[at + 1] ?? '');
  }
  return filled;
}

function localize(entry: LocalizedText | undefined, values: (language: ContentLanguage) => Readonly<Record<string, string | number>>): LocalizedText {
  const result = {} as Record<ContentLanguage, string>;
  for (const language of CONTENT_LANGUAGES) {
    result[language] = fillMessage(entry?.[language] ?? '', values(language));
  }
  return result;
}

/** A section's name as shown in messages: its own heading, or the built-in name. */
export function sectionTitle(section: PlanSection | undefined, marker: string): LocalizedText {
  const written = shorten(section?.heading?.text ?? '', MAX_TITLE_LENGTH);
  if (written !== '') {
    return { 'zh-cn': written, en: written };
  }
  return SECTION_NAMES[marker] ?? { 'zh-cn': marker, en: marker };
}

/** The state shown on a section's CodeLens, e.g. "2/3 answered". */
export function sectionLabel(section: Pick<PlanSection, 'answered' | 'total' | 'empty'>): LocalizedText {
  const key = section.empty ? 'empty' : section.total === 0 ? 'written' : 'answered';
  return localize(SECTION_LABELS[key], () => ({ answered: section.answered, total: section.total }));
}

/** The finding's message: what the lesson asks and why, in every content language. */
export function findingMessage(finding: RuleFinding, sections: readonly PlanSection[]): LocalizedText {
  const concerned: PlanSectionMarker | undefined = finding.missingMarker ?? (isPlanSectionMarker(finding.marker) ? finding.marker : undefined);
  const section = sections.find((candidate) => candidate.marker === finding.marker);
  const title = sectionTitle(section, finding.marker);
  const key = finding.variant === undefined ? finding.code : `${finding.code}-${finding.variant}`;
  const askMarker = finding.code === 'overdue-checkin' ? 'checkin' : concerned;
  return localize(FINDINGS[key], (language) => ({
    ...finding.values,
    ...(typeof finding.values.question === 'string' ? { question: shorten(finding.values.question, MAX_QUOTED_QUESTION_LENGTH) } : {}),
    title: title[language],
    name: concerned ? (SECTION_NAMES[concerned]?.[language] ?? concerned) : '',
    ask: askMarker ? (LESSON_ASKS[askMarker]?.[language] ?? '') : '',
  }));
}

function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) {
    return text;
  }
  const characters = Array.from(text.slice(0, maxLength * 2));
  return characters.length > maxLength ? characters.slice(0, maxLength - 1).join('') + '…' : characters.join('');
}
