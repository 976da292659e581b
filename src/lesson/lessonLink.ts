/**
 * The lesson's own link (pure): `<scheme>://qianjinshe.collab-coach/lesson?section=principle-1`.
 * The extension handles it itself (a URI handler), so a finding's code in the Problems panel opens
 * the lesson at the section its rule comes from — no command URI, nothing run from text.
 */
import { isLessonSectionId, type LessonSectionId } from '../content/sections';

export const LESSON_LINK_PATH = '/lesson';

export function lessonLinkQuery(sectionId: LessonSectionId): string {
  return `section=${encodeURIComponent(sectionId)}`;
}

/** The section a lesson link points at; undefined for any other path or an unknown section. */
export function sectionOfLessonLink(path: string, query: string): LessonSectionId | undefined {
  if (path !== LESSON_LINK_PATH) {
    return undefined;
  }
  for (const pair of query.split('&')) {
    const [name, value] = pair.split('=');
    if (name === 'section' && value !== undefined) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(value);
      } catch {
        return undefined;
      }
      return isLessonSectionId(decoded) ? decoded : undefined;
    }
  }
  return undefined;
}
