// A generated workspace for the workspace rows of the bench: plans (the complete fixture plans in
// both languages and small generated plans, each varied) and other Markdown files without markers,
// in nested folders, plus a node_modules folder the index must leave out. Deterministic.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const fixtureFolder = path.join(__dirname, '..', 'fixtures', 'plans');
const PARTNERS = ['Finance', 'Legal', 'Sales', 'IT', 'Procurement', 'HR', 'Logistics', 'Marketing'];
const WORDS = 'budget review owner quarter release customer contract report supplier launch metric team handover risk schedule training'.split(' ');

/** A small deterministic pseudo-random sequence (so every run writes the same workspace). */
function sequence(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The answer the "edited plan" rounds change: the first need of an English plan. */
const EDITED_ANSWER = /^- \*\*My need\*\*:.*$/m;

/** Plan `index`: a complete fixture plan (en / zh-cn) or a small generated plan, with its own title, partner and dates. */
function planText(index, complete, generateLargePlan) {
  const kind = index % 3;
  const month = String((index % 12) + 1).padStart(2, '0');
  if (kind === 2) {
    const text = generateLargePlan(60 + (index % 5) * 10);
    return text.replace(/^# .*$/m, `# Collaboration plan: generated plan ${index}`).replace('Partner department: Finance', `Partner department: ${PARTNERS[index % PARTNERS.length]}`);
  }
  const language = kind === 0 ? 'en' : 'zh-cn';
  return complete[language]
    .replace(/^# (.*)$/m, `# $1 (${index})`)
    .replace('2026-01-05', `2026-${month}-05`)
    .replace('2026-04-06', `2027-${month}-06`)
    .replace(/(Partner department|协同部门)(: |：).*$/m, `$1$2${PARTNERS[index % PARTNERS.length]}`);
}

/** Another Markdown file: notes with headings, lists, a table, code, a comment that is no marker; 0.5–4 KB. */
function noteText(index, random) {
  const word = () => WORDS[Math.floor(random() * WORDS.length)];
  const sentence = () => `${Array.from({ length: 8 + Math.floor(random() * 10) }, word).join(' ')}.`;
  const lines = [`# Notes ${index}: ${word()} ${word()}`, ''];
  const sections = 1 + Math.floor(random() * 5);
  for (let section = 0; section < sections; section++) {
    lines.push(`## ${word()} ${section + 1}`, '', sentence(), sentence(), '');
    if (random() < 0.5) {
      lines.push(`- ${sentence()}`, `- [ ] ${sentence()}`, `- **${word()}**: ${sentence()}`, '');
    }
    if (random() < 0.3) {
      lines.push('| item | owner |', '| --- | --- |', `| ${word()} | ${word()} |`, `| ${word()} | ${word()} |`, '');
    }
    if (random() < 0.2) {
      lines.push('```js', `const ${word()} = ${Math.floor(random() * 100)};`, '```', '');
    }
    if (random() < 0.1) {
      lines.push(`<!-- ${word()}: collab notes, not a plan -->`, '');
    }
  }
  return lines.join('\n');
}

/**
 * Writes the workspace into `root` (which must exist and be empty). Returns what it holds:
 * the plan paths (in order), the other paths, and the bytes of each kind.
 */
function writeWorkspace(root, { plans, others, excluded }, generateLargePlan) {
  const complete = {
    en: fs.readFileSync(path.join(fixtureFolder, 'complete.en.md'), 'utf8'),
    'zh-cn': fs.readFileSync(path.join(fixtureFolder, 'complete.zh-cn.md'), 'utf8'),
  };
  const random = sequence(89);
  const result = { root, planFiles: [], otherFiles: [], excludedFiles: 0, planBytes: 0, otherBytes: 0, editedPlan: undefined };
  const write = (relative, text) => {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return { file, bytes: Buffer.byteLength(text) };
  };
  for (let index = 0; index < plans; index++) {
    // Most plans under projects/, some among the notes, as teams keep them.
    const folder = index % 10 === 9 ? `docs/area-${index % 25}/topic-${index % 10}` : `projects/p-${index % 40}/plans`;
    const { file, bytes } = write(`${folder}/plan-${index}.md`, planText(index, complete, generateLargePlan));
    result.planFiles.push(file);
    result.planBytes += bytes;
  }
  for (let index = 0; index < others; index++) {
    const { file, bytes } = write(`docs/area-${index % 25}/topic-${index % 10}/part-${index % 4}/note-${index}.md`, noteText(index, random));
    result.otherFiles.push(file);
    result.otherBytes += bytes;
  }
  for (let index = 0; index < excluded; index++) {
    write(`node_modules/package-${index}/README.md`, planText(index, complete, generateLargePlan));
    result.excludedFiles++;
  }
  // Plan 0 is an English complete plan: the edit rounds change its first answer.
  result.editedPlan = result.planFiles[0];
  if (!EDITED_ANSWER.test(fs.readFileSync(result.editedPlan, 'utf8'))) {
    throw new Error('the edited plan has no "My need" answer to change');
  }
  return result;
}

/** The edited plan's text with its first answer filled (`filled`) or emptied. */
function editedText(original, filled) {
  return original.replace(EDITED_ANSWER, filled ? '- **My need**: Monthly sales reports in one place by March.' : '- **My need**:');
}

module.exports = { writeWorkspace, editedText };
