/**
 * The plan's items read from the text markdown-it gives each block (pure): a field's label and
 * value, a check-in, the template's lesson line. Each reads a short prefix or scans once: linear in
 * the text, whatever it holds.
 */
import type { RawItem } from './planBlocks';

const LESSON_PREFIXES = ['Lesson', '课程'];
const CHECKIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNFILLED_DATE = 'YYYY-MM-DD';
const LONGEST_LABEL = 200;

/** Lines of an inline token's content (markdown-it joins a paragraph's lines with `\n`). */
export function splitInlineLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim());
}

export function isLessonLine(firstText: string): boolean {
  for (const prefix of LESSON_PREFIXES) {
    if (firstText.startsWith(prefix)) {
      const rest = firstText.slice(prefix.length).trimStart();
      return rest.startsWith(':') || rest.startsWith('：');
    }
  }
  return false;
}

/** `[ ] 2026-12-01 note`, `[x] …`, or an unfilled `[ ] YYYY-MM-DD …`, as the text of a bullet item. */
export function parseCheckin(text: string, line: number): Extract<RawItem, { kind: 'checkin' }> | undefined {
  if (text[0] !== '[' || text[2] !== ']' || (text[3] !== ' ' && text[3] !== '\t')) {
    return undefined;
  }
  const state = text[1];
  if (state !== ' ' && state !== 'x' && state !== 'X') {
    return undefined;
  }
  const rest = text.slice(4).trimStart();
  const date = rest.slice(0, 10);
  const after = rest[10];
  if ((after !== undefined && after !== ' ' && after !== '\t' && after !== '\n') || (date !== UNFILLED_DATE && !CHECKIN_DATE.test(date))) {
    return undefined;
  }
  return {
    kind: 'checkin',
    done: state !== ' ',
    date: date === UNFILLED_DATE ? undefined : date,
    note: rest.slice(10).replace(/\s+/g, ' ').trim(),
    line,
  };
}

/** `**Label**: value`, `**Label**：value` or `**Label:** value`; undefined for other text. */
export function parseFieldText(text: string): { label: string; value: string } | undefined {
  if (!text.startsWith('**')) {
    return undefined;
  }
  const close = text.indexOf('**', 2);
  if (close < 0 || close - 2 > LONGEST_LABEL) {
    return undefined;
  }
  let label = text.slice(2, close);
  if (label.includes('*') || label.includes('\n') || label.trim() === '') {
    return undefined;
  }
  let rest = text.slice(close + 2);
  const lastChar = label[label.length - 1];
  if (lastChar === ':' || lastChar === '：') {
    label = label.slice(0, -1);
  } else {
    rest = rest.replace(/^[ \t]+/, '');
    if (rest[0] !== ':' && rest[0] !== '：') {
      return undefined;
    }
    rest = rest.slice(1);
  }
  return { label: label.trim(), value: rest.replace(/^[ \t]+/, '') };
}
