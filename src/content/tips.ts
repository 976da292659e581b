import type { ContentLanguage } from './language';
import { isLessonSectionId, LESSON_SECTION_IDS, type LessonSectionId } from './sections';

/** The text of one tip in one language. */
export interface TipText {
  /** Status-bar text: one short line. */
  readonly short: string;
  /** Tooltip text: one to three sentences. */
  readonly long: string;
}

/** One tip from `content/tips.json`, tied to the lesson section it comes from. */
export interface Tip {
  readonly id: string;
  readonly section: LessonSectionId;
  readonly 'zh-cn': TipText;
  readonly en: TipText;
  /**
   * Words the tip rests on, quoted exactly from its section of the lesson in each language, so a
   * test can hold every tip to the place it points the reader to.
   */
  readonly lessonPhrase: Readonly<Record<ContentLanguage, string>>;
}

/**
 * Longest `short` text per language, in code points. The status bar has little room, and a
 * Chinese character is about twice as wide as a Latin letter.
 */
export const TIP_SHORT_MAX_LENGTH: Readonly<Record<ContentLanguage, number>> = { 'zh-cn': 24, en: 48 };

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks the parsed `content/tips.json` and returns its tips. Throws an Error naming the first bad
 * entry (by index and id) and what is wrong with it.
 */
export function parseTips(json: unknown): Tip[] {
  if (!Array.isArray(json)) {
    throw new Error('tips.json: expected an array of tips');
  }
  if (json.length === 0) {
    throw new Error('tips.json: expected at least one tip');
  }
  const seenIds = new Set<string>();
  return json.map((entry: unknown, index) => {
    const tip = parseTip(entry, `tips.json entry ${index}`);
    if (seenIds.has(tip.id)) {
      throw new Error(`tips.json entry ${index} ("${tip.id}"): duplicate id`);
    }
    seenIds.add(tip.id);
    return tip;
  });
}

function parseTip(entry: unknown, where: string): Tip {
  if (!isRecord(entry)) {
    throw new Error(`${where}: expected an object`);
  }
  const { id, section } = entry;
  if (typeof id !== 'string' || !KEBAB_ID.test(id)) {
    throw new Error(`${where}: "id" must be a kebab-case string, got ${JSON.stringify(id)}`);
  }
  const named = `${where} ("${id}")`;
  if (!isLessonSectionId(section)) {
    throw new Error(
      `${named}: "section" must be one of ${LESSON_SECTION_IDS.join(', ')}, got ${JSON.stringify(section)}`,
    );
  }
  return {
    id,
    section,
    'zh-cn': parseTipText(entry['zh-cn'], 'zh-cn', named),
    en: parseTipText(entry['en'], 'en', named),
    lessonPhrase: parseLessonPhrase(entry['lessonPhrase'], named),
  };
}

function parseLessonPhrase(value: unknown, where: string): Readonly<Record<ContentLanguage, string>> {
  if (!isRecord(value)) {
    throw new Error(`${where}: "lessonPhrase" must be an object with "zh-cn" and "en"`);
  }
  return {
    'zh-cn': requireText(value['zh-cn'], `${where}: "lessonPhrase.zh-cn"`),
    en: requireText(value['en'], `${where}: "lessonPhrase.en"`),
  };
}

function parseTipText(value: unknown, language: ContentLanguage, where: string): TipText {
  if (!isRecord(value)) {
    throw new Error(`${where}: "${language}" must be an object with "short" and "long"`);
  }
  const short = requireText(value['short'], `${where}: "${language}.short"`);
  const long = requireText(value['long'], `${where}: "${language}.long"`);
  const maxLength = TIP_SHORT_MAX_LENGTH[language];
  const length = codePointLength(short);
  if (length > maxLength) {
    throw new Error(`${where}: "${language}.short" has ${length} characters, at most ${maxLength} fit the status bar`);
  }
  return { short, long };
}

function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`${what} must be a non-empty string`);
  }
  return value;
}

/** The tip's text in `language`. */
export function tipText(tip: Tip, language: ContentLanguage): TipText {
  return tip[language];
}

/** The tips tied to `sectionId`, in file order (empty for an unknown id). */
export function tipsForSection(tips: readonly Tip[], sectionId: string): Tip[] {
  return tips.filter((tip) => tip.section === sectionId);
}

/** Length in code points, so a character outside the BMP counts once. */
export function codePointLength(text: string): number {
  return [...text].length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
