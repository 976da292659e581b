import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
import { lint } from 'markdownlint/promise';
import { buildMergeSnippet, insertionLayout, missingSections } from '../../src/plan/merge';
import { newPlanContent, normalizePlanInput, normalizePlanTitle } from '../../src/plan/newPlanText';
import { titleLineRanges } from '../../src/plan/titleLines';
import { planFileName, planFolderSegments, slugify, withCollisionSuffix, withCollisionSuffixAsync } from '../../src/plan/slug';
import {
  DATE_AND_RANDOM_VARIABLES,
  escapeSnippetText,
  keepOnlyVariables,
  fillPlaceholders,
  listPlaceholders,
  parseSnippet,
  renumberPlaceholders,
  serializeSnippet,
  snippetToPlainText,
} from '../../src/plan/snippet';
import { parsePlan } from '../../src/plan/planModel';
import { SECTION_LESSON_SOURCES } from '../../src/plan/sectionPrinciples';
import {
  BUILT_IN_TEMPLATE_IDS,
  type BuiltInTemplateId,
  FULL_PLAN_FIELDS,
  type PlanTemplate,
  TEAM_TEMPLATE_MAX_BYTES,
  builtInTemplateFileName,
  findMarkers,
  parsePlanTemplate,
  parseTeamTemplate,
  splitSections,
} from '../../src/plan/templates';

const contentDir = path.join(process.cwd(), 'content');

function loadTemplate(id: BuiltInTemplateId, language: ContentLanguage): PlanTemplate {
  const text = fs.readFileSync(path.join(contentDir, 'templates', builtInTemplateFileName(id, language)), 'utf8');
  return parsePlanTemplate(id, language, text);
}

const EXPECTED_MARKERS: Record<BuiltInTemplateId, string[]> = {
  'full-plan': ['needs', 'shared-interest', 'self-protection', 'workload'],
  'quick-check': ['quick-check'],
  'fairness-checkin': ['checkin'],
  'kickoff-note': ['kickoff'],
};

const LESSON_LINE: Record<ContentLanguage, RegExp> = {
  'zh-cn': /^> 课程：原则[一二三] · /,
  en: /^> Lesson: Principle [123] · /,
};

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('plan templates', () => {
  for (const language of CONTENT_LANGUAGES) {
    for (const id of BUILT_IN_TEMPLATE_IDS) {
      describe(`${id}.${language}`, () => {
        const template = loadTemplate(id, language);

        it('parses with a name, a one-line description and a lesson section', () => {
          assert.ok(template.name.length > 0);
          assert.ok(template.description.length > 0 && !template.description.includes('\n'));
          assert.ok(template.lessonSection.length > 0);
        });

        it('has exactly its markers, in order, each with a heading and a lesson line (none in the outgoing kickoff note)', () => {
          assert.deepEqual(
            template.sections.map((section) => section.marker),
            EXPECTED_MARKERS[id],
          );
          for (const section of template.sections) {
            const lines = section.text.split('\n');
            assert.match(lines[1] ?? '', /^#{2,3} \S/, `heading right after <!-- collab:${section.marker} -->`);
            assert.ok(section.title.length > 0);
            // The kickoff note is a message to the other department: no coaching line inside it.
            const hasLessonLine = lines.some((line) => LESSON_LINE[language].test(line));
            assert.equal(hasLessonLine, section.marker !== 'kickoff', `lesson line in ${section.marker}`);
            assert.ok(section.marker in SECTION_LESSON_SOURCES);
          }
        });

        it('numbers its placeholders 1..n in reading order, each once, each with its question', () => {
          const placeholders = listPlaceholders(template.body);
          assert.ok(placeholders.length > 0);
          assert.deepEqual(
            placeholders.map((placeholder) => placeholder.index),
            placeholders.map((_, position) => position + 1),
          );
          for (const placeholder of placeholders) {
            assert.ok(placeholder.text.trim().length > 0, `placeholder ${placeholder.index} has text`);
          }
        });

        it('round-trips through the snippet parser unchanged', () => {
          assert.equal(serializeSnippet(parseSnippet(template.body)), template.body);
          assert.equal(renumberPlaceholders(template.body), template.body);
        });
      });
    }

    it(`full-plan.${language}: title and counterpart are the preamble's tab stops`, () => {
      const template = loadTemplate('full-plan', language);
      const preambleStops = listPlaceholders(template.preamble).map((placeholder) => placeholder.index);
      assert.deepEqual(preambleStops, [FULL_PLAN_FIELDS.title, FULL_PLAN_FIELDS.counterpart]);
    });

    it(`full-plan.${language}: the workload table has a row for each side and check-ins are readable`, () => {
      const template = loadTemplate('full-plan', language);
      const workload = template.sections.find((section) => section.marker === 'workload');
      assert.ok(workload);
      const plain = snippetToPlainText(workload.text);
      const model = parsePlan(plain);
      const rows = model.sections[0]?.workload ?? [];
      assert.deepEqual(
        rows.map((row) => row.side),
        ['mine', 'theirs'],
      );
      assert.ok(rows.every((row) => row.task !== '' && row.effortText !== ''));
      const checkins = model.checkins;
      assert.equal(checkins.length, 2);
      assert.ok(checkins.every((checkin) => !checkin.done && checkin.date === undefined && (checkin.note ?? '').length > 0));
    });

    it(`full-plan.${language}: self-protection covers their side and my side`, () => {
      const section = loadTemplate('full-plan', language).sections.find((block) => block.marker === 'self-protection');
      const headings = (section?.text ?? '').split('\n').filter((line) => line.startsWith('### '));
      assert.deepEqual(headings, language === 'en' ? ['### Their side', '### My side'] : ['### 对方', '### 我方']);
    });

    it(`fairness-checkin.${language}: records today as held and the next check-in as open`, () => {
      const today = new Date(2026, 2, 5);
      const plain = snippetToPlainText(loadTemplate('fairness-checkin', language).body, today);
      const checkins = parsePlan(plain).checkins;
      assert.deepEqual(
        checkins.map((checkin) => [checkin.done, checkin.date]),
        [
          [true, '2026-03-05'],
          [false, undefined],
        ],
      );
    });
  }

  it('has the same sections and number of questions in both languages', () => {
    for (const id of BUILT_IN_TEMPLATE_IDS) {
      const zh = loadTemplate(id, 'zh-cn');
      const en = loadTemplate(id, 'en');
      assert.equal(zh.lessonSection, en.lessonSection, id);
      assert.deepEqual(findMarkers(zh.body), findMarkers(en.body), id);
      assert.equal(listPlaceholders(zh.body).length, listPlaceholders(en.body).length, id);
    }
  });

  it('rejects a built-in template without front matter', () => {
    assert.throws(() => parsePlanTemplate('quick-check', 'en', '<!-- collab:quick-check -->\n${1:x}\n'));
  });
});

describe('markdown snippets file', () => {
  const file = path.join(contentDir, 'snippets', 'markdown.code-snippets');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string; description: string; body: string[] }>;
  const byPrefix = new Map(Object.values(snippets).map((snippet) => [snippet.prefix, snippet]));
  const prefixes: Record<BuiltInTemplateId, string> = {
    'full-plan': 'collab-plan',
    'quick-check': 'collab-quick',
    'fairness-checkin': 'collab-checkin',
    'kickoff-note': 'collab-kickoff',
  };

  it('has one snippet per built-in template and nothing else', () => {
    assert.deepEqual([...byPrefix.keys()].sort(), Object.values(prefixes).sort());
  });

  for (const id of BUILT_IN_TEMPLATE_IDS) {
    it(`${prefixes[id]} matches the English ${id} template`, () => {
      const template = loadTemplate(id, 'en');
      const snippet = byPrefix.get(prefixes[id]);
      assert.ok(snippet);
      assert.equal(snippet.body.join('\n'), template.body.replace(/\n+$/, ''));
      assert.equal(snippet.description, template.description);
    });
  }
});

describe('snippet helpers', () => {
  it('escapes $, } and \\ in user text', () => {
    assert.equal(escapeSnippetText('a$b}c\\d{e'), 'a\\$b\\}c\\\\d{e');
    assert.equal(escapeSnippetText('预算 $5,000 {Q4}'), '预算 \\$5,000 {Q4\\}');
  });

  it('escaped text comes back unchanged as plain text, even inside a placeholder', () => {
    const tricky = 'cost $1 ${2:x} } \\ end';
    assert.equal(snippetToPlainText(escapeSnippetText(tricky)), tricky);
    assert.equal(snippetToPlainText('${1:' + escapeSnippetText(tricky) + '}'), tricky);
    assert.deepEqual(listPlaceholders('${1:' + escapeSnippetText(tricky) + '}'), [{ index: 1, text: tricky }]);
  });

  it('turns placeholders into their questions, choices into the first option and dates into the given day', () => {
    const body = '${1:Why?} ${2|a,b|} $3 ${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE} ${UNKNOWN:fallback} $0';
    assert.equal(snippetToPlainText(body, new Date(2026, 0, 9)), 'Why? a  2026-01-09 fallback ');
  });

  it('treats a $ that starts no construct, and an unclosed placeholder, as text', () => {
    assert.equal(snippetToPlainText('costs $ 5 and ${1:open'), 'costs $ 5 and ${1:open');
    assert.equal(snippetToPlainText('${1:a ${2:b} c'), '${1:a b c');
  });

  it('parses a large malformed snippet quickly', () => {
    const started = Date.now();
    parseSnippet('${1:'.repeat(50_000));
    assert.ok(Date.now() - started < 2000);
  });

  it('keeps nested placeholders intact when making a variable literal', () => {
    assert.equal(keepOnlyVariables('${1:${CURRENT_DATE}} ${SELECTION:${2:x}}', DATE_AND_RANDOM_VARIABLES), '${1:${CURRENT_DATE}} \\${SELECTION:\\${2:x\\}\\}');
  });

  it('renumbers tab stops from 1 keeping their order and $0', () => {
    assert.equal(renumberPlaceholders('${3:a} $5 ${5} ${7|x,y|} ${9:${CURRENT_YEAR}} $0'), '${1:a} ${2} ${2} ${3|x,y|} ${4:${CURRENT_YEAR}} ${0}');
  });

  it('fills placeholders with escaped literal text and renumbers the rest', () => {
    const filled = fillPlaceholders('# ${1:title}\n${2:who}\n${3:why?}', new Map([[1, 'Q4 $ budget}'], [2, '财务部']]));
    assert.equal(filled, '# Q4 \\$ budget\\}\n财务部\n${1:why?}');
    assert.equal(snippetToPlainText(filled), '# Q4 $ budget}\n财务部\nwhy?');
  });

  it('fills the full plan title and counterpart in both languages', () => {
    for (const language of CONTENT_LANGUAGES) {
      const template = loadTemplate('full-plan', language);
      const filled = fillPlaceholders(
        template.body,
        new Map([
          [FULL_PLAN_FIELDS.title, '年底预算 $100 {x}'],
          [FULL_PLAN_FIELDS.counterpart, '财务部'],
        ]),
      );
      const plain = snippetToPlainText(filled);
      assert.ok(plain.includes('年底预算 $100 {x}'));
      assert.ok(plain.includes('财务部'));
      const indices = listPlaceholders(filled).map((placeholder) => placeholder.index);
      assert.deepEqual(indices, indices.map((_, position) => position + 1));
      assert.equal(indices.length, listPlaceholders(template.body).length - 2);
    }
  });
});

describe('merging a template into a document', () => {
  const fullPlan = loadTemplate('full-plan', 'en');
  const fullPlanZh = loadTemplate('full-plan', 'zh-cn');
  const block = (template: PlanTemplate, marker: string): string =>
    snippetToPlainText(template.sections.find((section) => section.marker === marker)?.text ?? '');

  it('inserts the whole template into a document without its sections', () => {
    const result = buildMergeSnippet(fullPlan, 'Some notes.\n');
    assert.deepEqual(result.added, ['needs', 'shared-interest', 'self-protection', 'workload']);
    assert.deepEqual(result.present, []);
    assert.equal(result.snippet, fullPlan.body.replace(/\n+$/, '') + '\n');
  });

  it('adds exactly the missing sections, renumbered from 1, without the preamble', () => {
    // Written in Chinese, merged with the English template: markers are language independent.
    const document = `# 计划\n\n${block(fullPlanZh, 'needs')}\n${block(fullPlanZh, 'workload')}`;
    assert.deepEqual(missingSections(fullPlan, document), ['shared-interest', 'self-protection']);
    const result = buildMergeSnippet(fullPlan, document);
    assert.deepEqual(result.added, ['shared-interest', 'self-protection']);
    assert.deepEqual(result.present, ['needs', 'workload']);
    assert.deepEqual(findMarkers(result.snippet), ['shared-interest', 'self-protection']);
    assert.ok(!result.snippet.includes('Collaboration plan:'));
    const indices = listPlaceholders(result.snippet).map((placeholder) => placeholder.index);
    assert.deepEqual(indices, indices.map((_, position) => position + 1));
    assert.deepEqual(findMarkers(document + '\n' + result.snippet).sort(), [...EXPECTED_MARKERS['full-plan']].sort());
  });

  it('adds nothing when every section is present', () => {
    const document = snippetToPlainText(fullPlanZh.body);
    assert.deepEqual(missingSections(fullPlan, document), []);
    const result = buildMergeSnippet(fullPlan, document);
    assert.equal(result.snippet, '');
    assert.deepEqual(result.added, []);
    assert.deepEqual(result.present, EXPECTED_MARKERS['full-plan']);
  });

  it('always adds a check-in, however many the document has', () => {
    const checkin = loadTemplate('fairness-checkin', 'en');
    const document = snippetToPlainText(checkin.body) + snippetToPlainText(checkin.body);
    const result = buildMergeSnippet(checkin, document);
    assert.deepEqual(result.added, ['checkin']);
    assert.ok(result.snippet.includes('<!-- collab:checkin -->'));
  });

  it('finds markers in any language and ignores them in fenced code', () => {
    const document = ['<!-- collab:needs -->', '```markdown', '<!-- collab:workload -->', '```', '  <!--collab:kickoff-->  ', 'text <!-- collab:checkin -->'].join('\n');
    assert.deepEqual(findMarkers(document), ['needs', 'kickoff']);
    assert.deepEqual(findMarkers('<!-- collab:needs -->\r\n## x\r\n'), ['needs']);
  });

  it('lays the snippet out on an empty line without losing text', () => {
    assert.deepEqual(insertionLayout('', 0, undefined), { lineReplacement: undefined, lineOffset: 0, prefix: '' });
    assert.deepEqual(insertionLayout('', 0, 'a paragraph'), { lineReplacement: undefined, lineOffset: 0, prefix: '\n' });
    assert.deepEqual(insertionLayout('    ', 2, ''), { lineReplacement: '', lineOffset: 0, prefix: '' });
    assert.deepEqual(insertionLayout('abcDEF', 3, undefined), { lineReplacement: 'abc\n\n\nDEF', lineOffset: 2, prefix: '' });
    assert.deepEqual(insertionLayout('abc', 3, undefined), { lineReplacement: 'abc\n\n', lineOffset: 2, prefix: '' });
    assert.deepEqual(insertionLayout('  DEF', 1, undefined), { lineReplacement: '\n  DEF', lineOffset: 0, prefix: '' });
  });
});

describe('plan file names', () => {
  const day = new Date(2026, 2, 5, 23, 59);

  it('dates the name in local time', () => {
    assert.equal(planFileName(day, 'Budget'), '2026-03-05-budget.md');
    assert.equal(planFileName(new Date(2027, 10, 30, 0, 1), 'x'), '2027-11-30-x.md');
  });

  it('keeps Chinese characters readable', () => {
    assert.equal(planFileName(day, '年底预算：与财务部协同！'), '2026-03-05-年底预算-与财务部协同.md');
    assert.equal(slugify('  一碗水 端平  '), '一碗水-端平');
    assert.equal(slugify('Ｑ４ 预算'), 'q4-预算');
  });

  it('makes English titles lower-case with dashes', () => {
    assert.equal(slugify('Budget for Q4 / New Tool?'), 'budget-for-q4-new-tool');
    assert.equal(slugify('Café -- déjà vu'), 'café-déjà-vu');
  });

  it('drops characters Windows forbids and control characters', () => {
    assert.equal(slugify('a<b>c:d"e/f\\g|h?i*j\u0001k\tl'), 'a-b-c-d-e-f-g-h-i-j-k-l');
  });

  it('falls back to "plan" and limits the length', () => {
    assert.equal(slugify('！？。 …'), 'plan');
    assert.equal(slugify(''), 'plan');
    const long = slugify('协'.repeat(59) + ' ' + 'x'.repeat(10));
    assert.equal(Array.from(long).length, 59);
    assert.ok(!long.endsWith('-'));
    assert.equal(Array.from(slugify('y'.repeat(100))).length, 60);
  });

  it('adds -2, -3, … until the name is free', () => {
    const taken = new Set(['p.md', 'p-2.md']);
    assert.equal(withCollisionSuffix('p.md', (name) => taken.has(name)), 'p-3.md');
    assert.equal(withCollisionSuffix('free.md', () => false), 'free.md');
  });

  it('does the same with an asynchronous check', async () => {
    const taken = new Set(['2026-03-05-x.md']);
    assert.equal(await withCollisionSuffixAsync('2026-03-05-x.md', async (name) => taken.has(name)), '2026-03-05-x-2.md');
  });

  it('reads the plan folder setting, falling back to the default when it is wrong', () => {
    assert.deepEqual(planFolderSegments(undefined), { segments: ['docs', 'collaboration'] });
    assert.deepEqual(planFolderSegments('plans\\2026/./q1/'), { segments: ['plans', '2026', 'q1'] });
    assert.deepEqual(planFolderSegments(''), { segments: [] });
    assert.deepEqual(planFolderSegments(42), { segments: ['docs', 'collaboration'], problem: 'wrong-type' });
    assert.deepEqual(planFolderSegments('../elsewhere'), { segments: ['docs', 'collaboration'], problem: 'outside-workspace' });
    assert.deepEqual(planFolderSegments('/etc'), { segments: ['docs', 'collaboration'], problem: 'outside-workspace' });
    assert.deepEqual(planFolderSegments('C:\\plans'), { segments: ['docs', 'collaboration'], problem: 'outside-workspace' });
  });
});

describe('team templates', () => {
  const parse = (text: string | Uint8Array) =>
    parseTeamTemplate('repo', 'team.md', typeof text === 'string' ? encode(text) : text);

  it('parses name, description and a snippet body with markers', () => {
    const result = parse('\uFEFF---\r\nname: "周会同步"\r\ndescription: 每周同步一次\r\n---\r\n<!-- collab:weekly -->\r\n## 同步\r\n${1:本周进展？}\r\n');
    assert.ok(result.ok);
    assert.equal(result.template.id, 'team:repo/team.md');
    assert.equal(result.template.name, '周会同步');
    assert.equal(result.template.description, '每周同步一次');
    assert.deepEqual(result.template.sections.map((section) => section.marker), ['weekly']);
    assert.deepEqual(listPlaceholders(result.template.body), [{ index: 1, text: '本周进展？' }]);
  });

  it('expands only date, time and random variables; any other $NAME stays literal', () => {
    const result = parse('---\nname: Vars\n---\n${CURRENT_YEAR} ${CLIPBOARD} $TM_SELECTED_TEXT ${USER:me} costs $USD ${1:why?}\n');
    assert.ok(result.ok);
    assert.equal(
      snippetToPlainText(result.template.body, new Date(2026, 0, 1)),
      '2026 ${CLIPBOARD} $TM_SELECTED_TEXT ${USER:me} costs $USD why?\n',
    );
    assert.deepEqual(listPlaceholders(result.template.body), [{ index: 1, text: 'why?' }]);
  });

  it('inserts a text-format body literally', () => {
    const result = parse('---\nname: Budget\nformat: text\n---\nCosts $100 per ${seat}\n');
    assert.ok(result.ok);
    assert.equal(snippetToPlainText(result.template.body), 'Costs $100 per ${seat}\n');
    assert.deepEqual(listPlaceholders(result.template.body), []);
  });

  const errorCode = (text: string | Uint8Array): string | undefined => {
    const result = parse(text);
    return result.ok ? undefined : result.error.code;
  };

  it('reports bad front matter', () => {
    assert.equal(errorCode('# No front matter\n'), 'no-front-matter');
    assert.equal(errorCode('---\nname: x\nbody without end\n'), 'unclosed-front-matter');
    assert.equal(errorCode('---\nname: x\n- a list\n---\nbody\n'), 'bad-front-matter-line');
    assert.equal(errorCode('---\ndescription: no name\n---\nbody\n'), 'missing-name');
    assert.equal(errorCode('---\nname: x\nformat: html\n---\nbody\n'), 'bad-format');
    assert.equal(errorCode('---\nname: x\n---\n\n  \n'), 'empty-body');
    const result = parse('---\nname: x\n- a list\n---\nbody\n');
    assert.ok(!result.ok && result.error.line === 3 && result.fileName === 'team.md');
  });

  it('reports a file that is too large, binary or not UTF-8', () => {
    const large = encode('---\nname: big\n---\n' + 'x'.repeat(TEAM_TEMPLATE_MAX_BYTES));
    assert.equal(errorCode(large), 'too-large');
    assert.equal(errorCode(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02])), 'binary');
    assert.equal(errorCode(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x41])), 'not-utf8');
  });
});

describe('section titles on hostile lines', () => {
  it('reads the title of a heading with 40,000 hashes on each side of a letter (once a quadratic regex) as CommonMark does', () => {
    // Hashes not preceded by a space are no closing sequence (CommonMark: `# foo#` is "foo#").
    const text = `<!-- collab:needs -->\n# Title ${'#'.repeat(40000)}x${'#'.repeat(40000)}\n`;
    assert.equal(splitSections(text).sections[0]?.title, `Title ${'#'.repeat(40000)}x${'#'.repeat(40000)}`);
    assert.equal(splitSections(`<!-- collab:needs -->\n# Title ${'#'.repeat(40000)}\n`).sections[0]?.title, 'Title');
  });
  it('reads ordinary headings as before', () => {
    const titleOf = (heading: string): string | undefined => splitSections(`<!-- collab:needs -->\n${heading}\n`).sections[0]?.title;
    assert.equal(titleOf('## 一、核心需求'), '一、核心需求');
    assert.equal(titleOf('### Needs ##  '), 'Needs');
    assert.equal(titleOf('   # Title\t#'), 'Title');
    assert.equal(titleOf('#NoSpace'), '');
  });
});

/** markdownlint's default rules, line length (MD013) aside: one line per problem. */
async function lintProblems(text: string): Promise<string[]> {
  const results = await lint({ strings: { plan: text }, config: { default: true, MD013: false } });
  return (results['plan'] ?? []).map((problem) => `line ${problem.lineNumber}: ${problem.ruleNames.join('/')} ${problem.errorContext ?? ''}`);
}

describe('a new plan file: complete text and the snippet that walks its questions', () => {
  const now = new Date(2026, 11, 2, 9, 30);
  const inputs = { counterpart: '财务部', title: '年底预算 $100 {Q4}' };

  for (const language of CONTENT_LANGUAGES) {
    it(`holds the whole plan as plain text, with the inputs filled in (${language})`, async () => {
      const { text } = newPlanContent(loadTemplate('full-plan', language), inputs, now);
      assert.deepEqual(findMarkers(text), EXPECTED_MARKERS['full-plan']);
      assert.ok(text.split('\n')[0]?.startsWith('# ') && text.split('\n')[0]?.endsWith('年底预算 $100 {Q4}'), text.slice(0, 80));
      assert.ok(text.includes('财务部'));
      assert.ok(text.includes('2026-12-02'), 'the start date is today');
      assert.ok(!text.includes('${'), 'no snippet syntax on disk');
      assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), 'one final newline');
      assert.deepEqual(await lintProblems(text), []);
    });
  }

  it('has a snippet that expands to exactly that text, whatever the day, with tab stops on the questions', () => {
    const template = loadTemplate('full-plan', 'en');
    const { text, snippet } = newPlanContent(template, inputs, now);
    assert.equal(snippetToPlainText(snippet, new Date(2030, 0, 1)), text, 'no date variable left to expand to another day');
    const placeholders = listPlaceholders(snippet);
    assert.equal(placeholders[0]?.text, 'What is my need?', 'the first stop is the first question');
    assert.deepEqual(
      placeholders.map((placeholder) => placeholder.index),
      placeholders.map((_, position) => position + 1),
    );
    assert.equal(placeholders.length, listPlaceholders(template.body).length - 2, 'every question but the two filled in');
  });

  it('keeps inputs on one line and drops sentence punctuation ending the title (a heading)', () => {
    assert.equal(normalizePlanInput('  Finance\n\tteam  '), 'Finance team');
    assert.equal(Array.from(normalizePlanInput('协'.repeat(300))).length, 200);
    assert.equal(normalizePlanTitle('Year-end budget.'), 'Year-end budget');
    assert.equal(normalizePlanTitle('年底预算：与财务部协同！ '), '年底预算：与财务部协同');
    assert.equal(normalizePlanTitle('Why now?'), 'Why now?');
    assert.equal(normalizePlanTitle('!!!'), '');
  });
});

describe('inserting the full plan into a document that has a title', () => {
  const fullPlan = loadTemplate('full-plan', 'en');
  const insertedAtEnd = (document: string): string => document + '\n' + snippetToPlainText(buildMergeSnippet(fullPlan, document, titleLineRanges).snippet);

  for (const document of ['# Budget with Finance\n\nNotes from the first call.\n', 'Budget with Finance\n===================\n\nNotes.\n']) {
    it(`leaves the document's title the only one and keeps the partner line: ${JSON.stringify(document.slice(0, 24))}`, () => {
      const result = buildMergeSnippet(fullPlan, document, titleLineRanges);
      assert.deepEqual(result.added, EXPECTED_MARKERS['full-plan']);
      assert.ok(!result.snippet.includes('Collaboration plan:'), result.snippet.slice(0, 120));
      assert.ok(result.snippet.startsWith('- Partner department: ${1:'), result.snippet.slice(0, 120));
      const indices = listPlaceholders(result.snippet).map((placeholder) => placeholder.index);
      assert.deepEqual(indices, indices.map((_, position) => position + 1));
    });
  }

  it('gives a document that passes markdownlint (its title, then the plan)', async () => {
    assert.deepEqual(await lintProblems(insertedAtEnd('# Budget with Finance\n\nNotes from the first call.\n')), []);
  });

  it('drops the title of a team template without markers too, unless the title is all it has', () => {
    const team = (body: string): Parameters<typeof buildMergeSnippet>[0] => ({ body, preamble: body, sections: [] });
    assert.equal(buildMergeSnippet(team('# Weekly sync\n\n- ${1:What moved?}\n'), '# Plan\n', titleLineRanges).snippet, '- ${1:What moved?}\n');
    assert.equal(buildMergeSnippet(team('# Weekly sync\n'), '# Plan\n', titleLineRanges).snippet, '# Weekly sync\n');
  });

  it('finds top-level headings as CommonMark reads them', () => {
    assert.deepEqual(titleLineRanges('Title\n=====\n\n# Second\r\n\n## Not top level\n'), [[0, 2], [3, 4]]);
    assert.deepEqual(titleLineRanges('~~~md\n# in code\n~~~\n    # indented code\n<!--\n# in a comment\n-->\n'), []);
  });

  it('keeps the template title when the document has none (a "#" in code or a second-level heading is not one)', () => {
    for (const document of ['', 'Notes.\n', '```\n# not a title\n```\n', '## A section\n']) {
      assert.ok(buildMergeSnippet(fullPlan, document, titleLineRanges).snippet.startsWith('# Collaboration plan: ${1:'), JSON.stringify(document));
    }
  });
});

describe('the plan folder setting', () => {
  it('is read per workspace folder (resource scope), so a folder of a multi-root workspace can set its own', () => {
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    assert.equal(manifest.contributes.configuration.properties['collabCoach.plan.folder']?.scope, 'resource');
  });
});
