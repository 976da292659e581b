/**
 * Stable, language-independent ids of the lesson's sections, in reading order. Both lesson files
 * carry them as `{#id}` heading attributes; tips, templates, the checker and deep links use them.
 */
export const LESSON_SECTION_IDS = [
  'overview',
  'challenge',
  'principles',
  'principle-1',
  'self-check',
  'example-finance',
  'principle-2',
  'example-hobby',
  'principle-3',
  'example-workload',
  'summary',
] as const;

export type LessonSectionId = (typeof LESSON_SECTION_IDS)[number];

export function isLessonSectionId(value: unknown): value is LessonSectionId {
  return typeof value === 'string' && (LESSON_SECTION_IDS as readonly string[]).includes(value);
}
