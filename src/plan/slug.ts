/**
 * Pure: file names and the plan folder for `newPlan` (no 'vscode', no Node built-ins).
 */

export const DEFAULT_PLAN_FOLDER = 'docs/collaboration';
const MAX_SLUG_LENGTH = 60;
const MAX_SUFFIX = 9999;

/** `YYYY-MM-DD-<slug>.md`, dated in local time. */
export function planFileName(date: Date, title: string): string {
  return `${localIsoDate(date)}-${slugify(title)}.md`;
}

export function localIsoDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A readable, portable slug: letters (CJK included) and digits stay, everything else (spaces,
 * punctuation, the characters Windows forbids `<>:"/\|?*`, control characters, emoji) becomes
 * `-`; dashes collapse and are trimmed; at most 60 characters; `plan` if nothing is left.
 */
export function slugify(title: string): string {
  const dashed = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const limited = Array.from(dashed).slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
  return limited === '' ? 'plan' : limited;
}

/** `name`, or the first free of `name-2.md`, `name-3.md`, … */
export function withCollisionSuffix(name: string, taken: (name: string) => boolean): string {
  for (const candidate of suffixedNames(name)) {
    if (!taken(candidate)) {
      return candidate;
    }
  }
  throw new Error(`No free file name for ${name}`);
}

/** Same as withCollisionSuffix for an asynchronous check (e.g. `workspace.fs.stat`). */
export async function withCollisionSuffixAsync(name: string, taken: (name: string) => Promise<boolean>): Promise<string> {
  for (const candidate of suffixedNames(name)) {
    if (!(await taken(candidate))) {
      return candidate;
    }
  }
  throw new Error(`No free file name for ${name}`);
}

function* suffixedNames(name: string): Generator<string> {
  yield name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let suffix = 2; suffix <= MAX_SUFFIX; suffix++) {
    yield `${stem}-${suffix}${extension}`;
  }
}

export type PlanFolderProblem = 'wrong-type' | 'outside-workspace';

/**
 * Reads the `collabCoach.plan.folder` setting: a path relative to the workspace folder, `/` or `\`
 * separated. A non-string, an absolute path or one that climbs out with `..` falls back to the
 * default and reports why; an empty string means the workspace folder itself.
 */
export function planFolderSegments(setting: unknown): { segments: string[]; problem?: PlanFolderProblem } {
  const fallback = DEFAULT_PLAN_FOLDER.split('/');
  if (typeof setting !== 'string') {
    return setting === undefined ? { segments: fallback } : { segments: fallback, problem: 'wrong-type' };
  }
  const trimmed = setting.trim();
  if (/^([/\\]|[A-Za-z]:)/.test(trimmed)) {
    return { segments: fallback, problem: 'outside-workspace' };
  }
  const segments = trimmed.split(/[/\\]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) {
    return { segments: fallback, problem: 'outside-workspace' };
  }
  return { segments };
}
