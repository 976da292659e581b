/**
 * The plan templates (built-in and team) and the snippet syntax they are written in. Writing a plan
 * into a new file or a document is in planWriting.test.ts, shared helpers in planSupport.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
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
  TEAM_TEMPLATE_MAX_BYTES,
  findMarkers,
  parsePlanTemplate,
  parseTeamTemplate,
  splitSections,
} from '../../src/plan/templates';
import { EXPECTED_MARKERS, contentDir, loadTemplate } from './planSupport';

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
