// Runs in its own Node process for the plan-checker row: the plan checker on a generated plan vs
// markdown-it merely parsing (md.parse) the same text. Prints one JSON line.
//   node plan-child.js <bundle exporting checkPlan and generateLargePlan> <lines> <rounds>
'use strict';
const path = require('node:path');
const MarkdownIt = require('markdown-it');

const [bundleArg, linesArg = '5000', roundsArg = '15'] = process.argv.slice(2);
const fs = require('node:fs');
const { checkPlan, generateLargePlan, templateKnowledge, BUILT_IN_TEMPLATE_IDS, builtInTemplateFileName, parsePlanTemplate } = require(path.resolve(bundleArg));
// The check as the coach runs it: with what the built-in templates ask, in both languages.
const templateFolder = path.join(__dirname, '..', '..', 'content', 'templates');
const knowledge = templateKnowledge(
  ['zh-cn', 'en'].flatMap((language) =>
    BUILT_IN_TEMPLATE_IDS.map((id) => parsePlanTemplate(id, language, fs.readFileSync(path.join(templateFolder, builtInTemplateFileName(id, language)), 'utf8'))),
  ),
);
const lines = Number(linesArg);
const rounds = Number(roundsArg);
const text = generateLargePlan(lines);
// A fixed day, so every run checks the same dates the same way.
const today = new Date(2026, 10, 27);
const md = new MarkdownIt();

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
function time(run) {
  const started = process.hrtime.bigint();
  const value = run();
  return { ms: ms(started), value };
}
const runChecker = () => checkPlan(text, { today, knowledge });
const runParse = () => md.parse(text, {});

// The very first call of each, in this fresh process (compilation included), for the record.
const firstChecker = time(runChecker);
const firstParse = time(runParse);
for (let i = 0; i < 3; i++) {
  runChecker();
  runParse();
}
const checker = [];
const parse = [];
for (let round = 0; round < rounds; round++) {
  // Alternate which goes first, so neither always runs right after a collection of the other's garbage.
  if (round % 2 === 0) {
    checker.push(time(runChecker).ms);
    parse.push(time(runParse).ms);
  } else {
    parse.push(time(runParse).ms);
    checker.push(time(runChecker).ms);
  }
}
const report = firstChecker.value;
const findings = report && Array.isArray(report.findings) ? report.findings.length : null;
const sections = report && Array.isArray(report.sections) ? report.sections.length : null;
process.stdout.write(
  JSON.stringify({
    lines: text.split('\n').length,
    chars: text.length,
    tokens: firstParse.value.length,
    findings,
    sections,
    first: { checker_ms: firstChecker.ms, parse_ms: firstParse.ms },
    checker_ms: checker,
    parse_ms: parse,
  }),
);
