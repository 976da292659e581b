import type { ContentLanguage } from '../content/language';
import type { LessonSectionId } from '../content/sections';

/**
 * The lesson's section headings, kept here so the status-bar tooltip can name a section without
 * reading and parsing the lesson at startup. A unit test keeps them equal to content/lesson/*.md.
 */
export const SECTION_TITLES: Readonly<Record<LessonSectionId, Readonly<Record<ContentLanguage, string>>>> = {
  overview: { 'zh-cn': '概述', en: 'Overview' },
  challenge: { 'zh-cn': '跨部门协同的挑战本质', en: 'Why Cross-Department Collaboration Is Hard' },
  principles: { 'zh-cn': '高效协同的三个核心原则', en: 'Three Core Principles of Effective Collaboration' },
  'principle-1': {
    'zh-cn': '原则一：关注核心需求，寻找共同利益',
    en: 'Principle 1: Focus on Core Needs and Look for Common Interests',
  },
  'self-check': { 'zh-cn': '自查：沟通无效时先问四个问题', en: 'Self-check: Four Questions When Communication Stalls' },
  'example-finance': { 'zh-cn': '举例：与财务部协同', en: 'Example: Working with the Finance Department' },
  'principle-2': {
    'zh-cn': '原则二：不做烂好人，让对方认可你的价值',
    en: "Principle 2: Don't Be a People-Pleaser; Make Others Recognise Your Value",
  },
  'example-hobby': { 'zh-cn': '举例：爱好与比赛', en: 'Example: Hobbies and Competitions' },
  'principle-3': {
    'zh-cn': '原则三：建立信任，尽量保持一碗水端平',
    en: 'Principle 3: Build Trust and Keep Things as Even as You Can',
  },
  'example-workload': { 'zh-cn': '举例：工作量不均', en: 'Example: Uneven Workload' },
  summary: { 'zh-cn': '总结', en: 'Summary' },
};

export function sectionTitle(sectionId: LessonSectionId, language: ContentLanguage): string {
  return SECTION_TITLES[sectionId][language];
}
