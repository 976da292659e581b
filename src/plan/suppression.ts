/**
 * Suppression in the plan, in Markdown's own way (pure), as markdownlint users know it:
 *
 *     <!-- collab-coach-disable uneven-workload -->      off from here…
 *     <!-- collab-coach-enable uneven-workload -->       …to here (or to the end)
 *     <!-- collab-coach-disable-next-line overdue-checkin -->   off for the next block
 *
 * Without rule codes a comment applies to every rule. "The next line" is the next block as
 * CommonMark reads it (a heading, a paragraph, a whole list or table), so a comment never has to
 * sit inside a table or a list to reach a finding there.
 */
import type { RawDirective } from './planBlocks';

const ALL = '*';

/** Line intervals [from, to] where a rule (or every rule, `*`) is off. */
export type SuppressedLines = ReadonlyMap<string, readonly (readonly [number, number])[]>;

function codesOf(argument: string): string[] {
  const codes = argument.split(/[\s,]+/).filter((code) => code !== '');
  return codes.length === 0 ? [ALL] : codes;
}

/** Reads the plan's control comments into intervals per rule code. */
export function suppressedLines(directives: readonly RawDirective[], lineCount: number): SuppressedLines {
  const intervals = new Map<string, [number, number][]>();
  const openSince = new Map<string, number>();
  const add = (code: string, from: number, to: number): void => {
    const list = intervals.get(code) ?? [];
    list.push([from, to]);
    intervals.set(code, list);
  };
  for (const directive of directives) {
    const codes = codesOf(directive.argument);
    if (directive.verb === 'disable') {
      codes.forEach((code) => openSince.has(code) || openSince.set(code, directive.line));
    } else if (directive.verb === 'enable') {
      const closing = codes.includes(ALL) ? [...openSince.keys()] : codes;
      for (const code of closing) {
        const from = openSince.get(code);
        if (from !== undefined) {
          add(code, from, directive.line);
          openSince.delete(code);
        }
      }
    } else if (directive.verb === 'disable-next-line' && directive.nextBlock) {
      codes.forEach((code) => add(code, directive.line, directive.nextBlock?.to ?? directive.line));
    }
  }
  for (const [code, from] of openSince) {
    add(code, from, lineCount);
  }
  // Sorted and merged, so one binary search tells whether a line is covered.
  const merged = new Map<string, [number, number][]>();
  for (const [code, list] of intervals) {
    list.sort((a, b) => a[0] - b[0]);
    const joined: [number, number][] = [];
    for (const [from, to] of list) {
      const last = joined[joined.length - 1];
      if (last && from <= last[1] + 1) {
        last[1] = Math.max(last[1], to);
      } else {
        joined.push([from, to]);
      }
    }
    merged.set(code, joined);
  }
  return merged;
}

function covers(list: readonly (readonly [number, number])[] | undefined, line: number): boolean {
  let low = 0;
  let high = (list?.length ?? 0) - 1;
  while (list && low <= high) {
    const middle = (low + high) >> 1;
    const interval = list[middle];
    if (!interval) {
      return false;
    }
    if (line < interval[0]) {
      high = middle - 1;
    } else if (line > interval[1]) {
      low = middle + 1;
    } else {
      return true;
    }
  }
  return false;
}

/** Whether a finding of `code` on `line` is switched off in the plan. */
export function isSuppressed(suppressed: SuppressedLines, code: string, line: number): boolean {
  return covers(suppressed.get(code), line) || covers(suppressed.get(ALL), line);
}
