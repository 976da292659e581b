/**
 * Pure: file names and the plan folder for `newPlan` (no 'vscode', no Node built-ins). Every name
 * made or accepted here is valid on Windows, macOS and Linux (see isPortableFileName).
 */
import { slugify as slugifyWithRule, utf8ByteLength } from '../content/slug';

export const DEFAULT_PLAN_FOLDER = 'docs/collaboration';
const MAX_SLUG_LENGTH = 60;
const MAX_SUFFIX = 9999;
/** The longest file name every file system we run on takes, in bytes of UTF-8. */
export const MAX_FILE_NAME_BYTES = 255;
/** `YYYY-MM-DD-` before the slug, `-9999` and `.md` after it. */
const MAX_SLUG_BYTES = MAX_FILE_NAME_BYTES - 'YYYY-MM-DD-'.length - `-${MAX_SUFFIX}`.length - '.md'.length;

/** `YYYY-MM-DD-<slug>.md`, dated in local time. */
export function planFileName(date: Date, title: string): string {
  return `${localIsoDate(date)}-${slugify(title)}.md`;
}

export function localIsoDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The slug of a plan title, by the one slug rule (src/content/slug.ts): letters of every script
 * stay, everything else becomes `-`; at most 60 characters and few enough bytes that the whole
 * name, with a `-9999` collision suffix, stays within 255 bytes of UTF-8; `plan` if nothing is left.
 */
export function slugify(title: string): string {
  return slugifyWithRule(title, { maxCharacters: MAX_SLUG_LENGTH, maxBytes: MAX_SLUG_BYTES, keepMarks: true, fallback: 'plan' });
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

export type PlanFolderProblem = 'wrong-type' | 'outside-workspace' | 'invalid-name';

/**
 * Reads the `collabCoach.plan.folder` setting: a path relative to the workspace folder, `/` or `\`
 * separated. A non-string, an absolute path, one that climbs out with `..` (also as Windows reads
 * `.. ` or `...`), or one with a segment that is not a portable file name falls back to the default
 * and reports why; an empty string means the workspace folder itself.
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
  // Windows drops trailing dots and spaces: `.. ` and `...` are `..` there.
  if (segments.some((segment) => /^[. ]*\.[. ]*$/.test(segment))) {
    return { segments: fallback, problem: 'outside-workspace' };
  }
  if (!segments.every(isPortableFileName)) {
    return { segments: fallback, problem: 'invalid-name' };
  }
  return { segments };
}

/** A surrogate that is not half of a pair (no file system takes it as UTF-8). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A letter, number, punctuation or symbol that is not an invisible (default ignorable) one. A
 * module constant: built for node18 (the unit tests), esbuild writes this literal as a
 * `new RegExp(…)` call, which inside the function would compile the pattern on every call.
 */
const VISIBLE_CHARACTER = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}\p{P}\p{S}]/u;
/** Names Windows reserves for devices, with or without an extension (`nul.md`). */
const RESERVED_NAME = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i;

/**
 * Whether `name` is a valid file or folder name on Windows, macOS and Linux: 1–255 bytes of UTF-8;
 * no `<>:"/\|?*`, no control characters; not `.` or `..`; no trailing dot or space; not a reserved
 * device name; and not blank-looking (it shows at least one letter, number or symbol).
 */
export function isPortableFileName(name: string): boolean {
  // Tests only, no copies: a long setting has many segments, and each is checked.
  if (name === '' || name === '.' || name === '..' || utf8ByteLength(name) > MAX_FILE_NAME_BYTES) {
    return false;
  }
  if (/[<>:"/\\|?*\u0000-\u001f\u007f]/.test(name) || /[. ]$/.test(name) || LONE_SURROGATE.test(name)) {
    return false;
  }
  const dot = name.indexOf('.');
  const stem = (dot < 0 ? name : name.slice(0, dot)).replace(/ +$/, '');
  if (RESERVED_NAME.test(stem)) {
    return false;
  }
  // Something shows: a letter, number, punctuation or symbol that is not an invisible (default ignorable) one.
  return VISIBLE_CHARACTER.test(name);
}
