/**
 * The words a reader trusts: tips point to where their words sit in the lesson, the two languages
 * of each template ask the same questions in the same shape, the plans the product writes pass
 * markdownlint, and the English files keep to the glossary of content/STYLE.md.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
import { parseLessonSections } from '../../src/content/lesson';
import { parseTips } from '../../src/content/tips';
import { listPlaceholders, snippetToPlainText } from '../../src/plan/snippet';
import {
  BUILT_IN_TEMPLATE_IDS,
  type BuiltInTemplateId,
  type PlanTemplate,
  builtInTemplateFileName,
  parsePlanTemplate,
} from '../../src/plan/templates';

const root = process.cwd();
const readRepoFile = (...segments: string[]): string => fs.readFileSync(path.join(root, ...segments), 'utf8');

/** Markdown emphasis and line breaks are not words: compare text with them taken out. */
const plainWords = (markdown: string): string => markdown.replace(/\*\*/g, '').replace(/\s+/g, ' ');

function loadTemplate(id: BuiltInTemplateId, language: ContentLanguage): PlanTemplate {
  return parsePlanTemplate(id, language, readRepoFile('content', 'templates', builtInTemplateFileName(id, language)));
}

describe('tips and the lesson', () => {
  const tips = parseTips(JSON.parse(readRepoFile('content', 'tips.json')));

  for (const language of CONTENT_LANGUAGES) {
    it(`${language}: every tip's key phrase is in the lesson section the tip opens`, () => {
      const sections = new Map(parseLessonSections(readRepoFile('content', 'lesson', `${language}.md`)).map((section) => [section.id, plainWords(section.body)]));
      const misplaced = tips.filter((tip) => !(sections.get(tip.section) ?? '').includes(plainWords(tip.lessonPhrase[language])));
      assert.deepEqual(
        misplaced.map((tip) => `${tip.id} → ${tip.section}: "${tip.lessonPhrase[language]}"`),
        [],
      );
    });
  }

  it('no two tips rest on the same words', () => {
    for (const language of CONTENT_LANGUAGES) {
      const phrases = tips.map((tip) => tip.lessonPhrase[language]);
      assert.equal(new Set(phrases).size, phrases.length, language);
    }
  });
});

/** A template's marker and check-in lines, as the templates write them (trusted text, short lines). */
const TEMPLATE_MARKER = /^<!-- collab:[a-z0-9-]+ -->$/;
const TEMPLATE_CHECKIN = /^\s*[-*+] \[[ xX]\] (?:\d{4}-\d{2}-\d{2}|YYYY-MM-DD)(?:\s|$)/;

/** What a line of a template is, with the tab stops it holds: the shape both languages must share. */
function lineShape(line: string): string {
  const stops = listPlaceholders(line).map((placeholder) => placeholder.index);
  const plain = snippetToPlainText(line, new Date(2026, 0, 5));
  let kind: string;
  if (TEMPLATE_MARKER.test(line)) {
    kind = line.trim();
  } else if (/^#{1,6} /.test(line)) {
    kind = `h${/^#+/.exec(line)?.[0].length ?? 0}`;
  } else if (line.startsWith('>')) {
    kind = 'lesson line';
  } else if (line.startsWith('|')) {
    kind = /^\|\s*-/.test(line) ? 'table rule' : 'table row';
  } else if (TEMPLATE_CHECKIN.test(plain)) {
    kind = `${/^\s*/.exec(line)?.[0].length ?? 0}-indented check-in`;
  } else if (/^\s*(?:[-*+]|\d+\.)\s+\*\*[^*]+\*\*[:：]/.test(line)) {
    kind = /^\s*\d/.test(line) ? 'numbered field' : 'field';
  } else if (/^\s*[-*+] /.test(line)) {
    kind = 'item';
  } else {
    kind = 'text';
  }
  return `${kind} ${JSON.stringify(stops)}`;
}

function templateShape(template: PlanTemplate): string[] {
  return template.body.split('\n').filter((line) => line.trim() !== '').map(lineShape);
}

describe('template twins', () => {
  for (const id of BUILT_IN_TEMPLATE_IDS) {
    it(`${id}: Chinese and English have the same markers, fields, blanks and tab stops, line for line`, () => {
      const zh = loadTemplate(id, 'zh-cn');
      const en = loadTemplate(id, 'en');
      assert.deepEqual(templateShape(en), templateShape(zh));
      assert.deepEqual(
        en.sections.map((section) => [section.marker, listPlaceholders(section.text).length]),
        zh.sections.map((section) => [section.marker, listPlaceholders(section.text).length]),
      );
    });
  }

  it('the shape catches a field that only one language asks', () => {
    const zh = loadTemplate('quick-check', 'zh-cn');
    const shorter = { ...zh, body: zh.body.replace(/^4\. .*$/m, '') };
    assert.notDeepEqual(templateShape(shorter), templateShape(loadTemplate('quick-check', 'en')));
  });

  it('asks each question once within a template', () => {
    for (const id of BUILT_IN_TEMPLATE_IDS) {
      for (const language of CONTENT_LANGUAGES) {
        const questions = listPlaceholders(loadTemplate(id, language).body)
          .map((placeholder) => placeholder.text)
          .filter((text) => text !== 'YYYY-MM-DD');
        assert.equal(new Set(questions).size, questions.length, `${id}.${language}`);
      }
    }
  });

  it('keeps coaching out of the kickoff note, the message the user sends', () => {
    for (const language of CONTENT_LANGUAGES) {
      const body = loadTemplate('kickoff-note', language).body;
      assert.doesNotMatch(body, /^>|课程：|Lesson:/m, language);
    }
  });
});

/** markdownlint's findings on `text` as one line each, with every default rule but `disabled`. */
function lintFindings(text: string, disabled: readonly string[]): string[] {
  const config: Record<string, boolean> = { default: true };
  for (const rule of disabled) {
    config[rule] = false;
  }
  const results = lint({ strings: { plan: text }, config });
  return (results['plan'] ?? []).map((error) => `${error.lineNumber}: ${error.ruleNames.join('/')} ${error.errorDetail ?? ''} [${error.errorContext ?? ''}]`);
}

describe('plans the product writes pass markdownlint', () => {
  const today = new Date(2026, 0, 5);
  for (const language of CONTENT_LANGUAGES) {
    const fullPlan = snippetToPlainText(loadTemplate('full-plan', language).body, today);

    it(`full-plan.${language}: a new plan file passes every default rule but line length`, () => {
      assert.deepEqual(lintFindings(fullPlan, ['MD013']), []);
    });

    for (const id of BUILT_IN_TEMPLATE_IDS.filter((candidate) => candidate !== 'full-plan')) {
      it(`${id}.${language}: inserted into a plan, and on its own, it passes every default rule but line length`, () => {
        const section = snippetToPlainText(loadTemplate(id, language).body, today);
        assert.deepEqual(lintFindings(`${fullPlan.trimEnd()}\n\n${section}`, ['MD013']), [], 'inserted at the end of a plan');
        // On its own a section is a fragment for a plan: it has no title line of its own (MD041).
        assert.deepEqual(lintFindings(section, ['MD013', 'MD041']), [], 'on its own');
      });
    }
  }

  it('the linter does find a skipped heading level and a missing blank line', () => {
    assert.ok(lintFindings('# Plan\n\n### Deep\n', ['MD013']).some((finding) => finding.includes('MD001')));
    assert.ok(lintFindings('# Plan\n- a list right under text\n', ['MD013']).some((finding) => finding.includes('MD022') || finding.includes('MD032')));
  });
});

/** A row of the glossary in content/STYLE.md. */
interface GlossaryEntry {
  readonly chinese: string;
  readonly english: readonly string[];
  readonly never: readonly string[];
}

/** The first table under the "Glossary" heading of STYLE.md, read with markdown-it. */
function readGlossary(): GlossaryEntry[] {
  const tokens = new MarkdownIt().parse(readRepoFile('content', 'STYLE.md'), {});
  const headingAt = tokens.findIndex((token, index) => token.type === 'heading_open' && tokens[index + 1]?.content === 'Glossary');
  assert.ok(headingAt >= 0, 'STYLE.md has a Glossary heading');
  const tableEnd = tokens.findIndex((token, index) => index > headingAt && token.type === 'table_close');
  const rows: string[][] = [];
  let row: string[] | undefined;
  for (const token of tokens.slice(headingAt, tableEnd)) {
    if (token.type === 'tr_open') {
      row = [];
    } else if (token.type === 'inline' && row) {
      row.push(token.content.trim());
    } else if (token.type === 'tr_close' && row) {
      rows.push(row);
      row = undefined;
    }
  }
  const split = (cell: string | undefined): string[] => (cell ?? '').split(' / ').map((part) => part.trim()).filter((part) => part !== '');
  return rows.slice(1).map(([chinese, english, never]) => ({ chinese: chinese ?? '', english: split(english), never: split(never) }));
}

/** Every English text a user reads, by file. */
function englishTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  texts.set('content/lesson/en.md', readRepoFile('content', 'lesson', 'en.md'));
  const tips = parseTips(JSON.parse(readRepoFile('content', 'tips.json')));
  texts.set('content/tips.json (en)', tips.map((tip) => `${tip.en.short}\n${tip.en.long}`).join('\n'));
  for (const id of BUILT_IN_TEMPLATE_IDS) {
    const file = builtInTemplateFileName(id, 'en');
    texts.set(`content/templates/${file}`, readRepoFile('content', 'templates', file));
  }
  texts.set('content/snippets/markdown.code-snippets', readRepoFile('content', 'snippets', 'markdown.code-snippets'));
  texts.set('package.nls.json', Object.values(JSON.parse(readRepoFile('package.nls.json')) as Record<string, string>).join('\n'));
  texts.set('l10n/bundle.l10n.json', Object.values(JSON.parse(readRepoFile('l10n', 'bundle.l10n.json')) as Record<string, string>).join('\n'));
  const coach = JSON.parse(readRepoFile('content', 'coach', 'messages.json')) as Record<string, Record<string, Record<string, string>> | string>;
  const coachEnglish = Object.values(coach).flatMap((table) => (typeof table === 'string' ? [] : Object.values(table).map((entry) => entry.en ?? '')));
  texts.set('content/coach/messages.json (en)', coachEnglish.join('\n'));
  texts.set('content/message/messages.json (en)', englishValues(JSON.parse(readRepoFile('content', 'message', 'messages.json'))).join('\n'));
  return texts;
}

/** Every `en` string of a words file, however deep. */
function englishValues(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(englishValues);
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  return Object.entries(value).flatMap(([key, entry]) => (key === 'en' && typeof entry === 'string' ? [entry] : englishValues(entry)));
}

/** Whole-word, case-blind occurrence of `phrase` in `text`. */
function mentions(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

describe('the glossary of content/STYLE.md', () => {
  const glossary = readGlossary();
  const texts = englishTexts();

  it('has a row for every key term the issue names', () => {
    const terms = glossary.map((entry) => entry.chinese);
    for (const term of ['自保', '交差', '一碗水端平', '烂好人', '服务价值', '情绪价值', '边界感弱', '利益共通点']) {
      assert.ok(terms.includes(term), term);
    }
    assert.ok(glossary.every((entry) => entry.english.length > 0), 'every term has an English rendering');
  });

  it('no English file uses a rejected rendering', () => {
    const found: string[] = [];
    for (const [file, text] of texts) {
      for (const entry of glossary) {
        for (const rejected of entry.never) {
          if (mentions(text, rejected)) {
            found.push(`${file}: "${rejected}" (for ${entry.chinese}; write ${entry.english.join(' / ')})`);
          }
        }
      }
    }
    assert.deepEqual(found, []);
  });

  it('the English lesson renders each term the Chinese lesson uses as the glossary says', () => {
    const chinese = plainWords(readRepoFile('content', 'lesson', 'zh-cn.md'));
    const english = plainWords(readRepoFile('content', 'lesson', 'en.md'));
    const missing = glossary
      .filter((entry) => chinese.includes(entry.chinese))
      .filter((entry) => !entry.english.some((rendering) => mentions(english, rendering)))
      .map((entry) => `${entry.chinese} → ${entry.english.join(' / ')}`);
    assert.deepEqual(missing, []);
  });

  it('the check does find a rejected rendering', () => {
    assert.ok(mentions('Let them stay safe first', 'stay safe'));
    assert.ok(mentions('Don\'t be a Pushover.', 'pushover'));
    assert.ok(!mentions('the EQUATION', 'eq'));
  });
});

describe('the product has one Chinese name', () => {
  it('calls itself 协同教练 in every Chinese UI string, never 跨部门协同 or a bare 教练', () => {
    const chineseUi = {
      ...(JSON.parse(readRepoFile('package.nls.zh-cn.json')) as Record<string, string>),
      ...(JSON.parse(readRepoFile('l10n', 'bundle.l10n.zh-cn.json')) as Record<string, string>),
    };
    const wrong: string[] = [];
    for (const [key, value] of Object.entries(chineseUi)) {
      if (/跨部门协同教练|跨部门协同(?:的学习进度|提示|今日|本节|课程| ·|：)/.test(value) || /(?<!协同)教练/.test(value)) {
        wrong.push(`${key}: ${value}`);
      }
      if (/^Collab Coach(?: ·| Tip| Lesson|:| tip| progress)/.test(key) && !value.startsWith('协同教练')) {
        wrong.push(`${key} names the product otherwise: ${value}`);
      }
      if (/按下|认识|界面语言|课程 ?89/.test(value)) {
        wrong.push(`${key}: ${value}`);
      }
    }
    assert.deepEqual(wrong, []);
    const manifest = JSON.parse(readRepoFile('package.nls.zh-cn.json')) as Record<string, string>;
    for (const key of ['container.title', 'category', 'configuration.title']) {
      assert.equal(manifest[key], '协同教练', key);
    }
  });

  it('the English description names the course in English and reads on its own', () => {
    const description = (JSON.parse(readRepoFile('package.nls.json')) as Record<string, string>)['description'] ?? '';
    assert.doesNotMatch(description, /[\u4e00-\u9fff]/);
    assert.match(description, /^[A-Z][a-z]+s /, 'starts with a verb, as a sentence of its own');
    assert.ok(description.includes('lesson 89 of the Qianjinshe course, "How to Drive Cross-Department Collaboration Effectively"'), description);
    assert.match(description, /\.$/);
  });
});
