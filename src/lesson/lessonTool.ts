/**
 * The language model tool that reads a lesson section (pure): its input read without trusting it,
 * and the section's text as the model reads it, in the language asked for.
 */
import type { LessonSection } from '../content/lesson';
import { CONTENT_LANGUAGES, type ContentLanguage, isContentLanguage } from '../content/language';
import { isLessonSectionId, LESSON_SECTION_IDS, type LessonSectionId } from '../content/sections';
import { type InputCheck, readInputObject, shownValue } from '../base/toolInput';

export interface LessonSectionInput {
  readonly section: LessonSectionId;
  /** Undefined: the user's content language. */
  readonly language: ContentLanguage | undefined;
}

export function parseLessonSectionInput(input: unknown): InputCheck<LessonSectionInput> {
  const read = readInputObject(input, ['section', 'language']);
  if (!read.ok) {
    return read;
  }
  const { section, language } = read.value;
  if (section === undefined) {
    return { ok: false, error: { kind: 'missing-property', property: 'section' } };
  }
  if (typeof section !== 'string') {
    return { ok: false, error: { kind: 'wrong-type', property: 'section', expected: 'string' } };
  }
  if (!isLessonSectionId(section)) {
    return { ok: false, error: { kind: 'unknown-section', value: shownValue(section), known: LESSON_SECTION_IDS } };
  }
  if (language !== undefined && typeof language !== 'string') {
    return { ok: false, error: { kind: 'wrong-type', property: 'language', expected: 'string' } };
  }
  if (language !== undefined && !isContentLanguage(language)) {
    return { ok: false, error: { kind: 'unknown-language', value: shownValue(language), known: CONTENT_LANGUAGES } };
  }
  return { ok: true, value: { section, language } };
}

/**
 * The section as Markdown: its heading, its text, and the ids of the sections inside it (the
 * lesson nests examples under principles), so a model can read on. Undefined when the lesson
 * has no such section.
 */
export function lessonSectionText(sections: readonly LessonSection[], id: LessonSectionId): string | undefined {
  const at = sections.findIndex((section) => section.id === id);
  const section = sections[at];
  if (!section) {
    return undefined;
  }
  const inside: string[] = [];
  for (const next of sections.slice(at + 1)) {
    if (next.level <= section.level) {
      break;
    }
    inside.push(next.id);
  }
  const parts = [`${'#'.repeat(section.level)} ${section.title} {#${section.id}}`, section.body];
  if (inside.length > 0) {
    parts.push(`<!-- sections inside: ${inside.join(', ')} -->`);
  }
  return parts.filter((part) => part !== '').join('\n\n');
}
