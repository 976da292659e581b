/** The two languages the lesson, tips and templates are written in. */
export type ContentLanguage = 'zh-cn' | 'en';

export const CONTENT_LANGUAGES: readonly ContentLanguage[] = ['zh-cn', 'en'];

/** Values the `collabCoach.language` setting accepts. */
export type LanguageSetting = 'auto' | ContentLanguage;

export function isContentLanguage(value: unknown): value is ContentLanguage {
  return value === 'zh-cn' || value === 'en';
}

/**
 * Resolves the content language from the setting and VS Code's display language.
 * `auto` (and any value of the wrong type) follows the display language: zh-* reads Chinese,
 * everything else English.
 */
export function resolveContentLanguage(setting: unknown, displayLanguage: string): ContentLanguage {
  if (isContentLanguage(setting)) {
    return setting;
  }
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
