/**
 * Finds the plans of the workspace: Markdown files holding Collab Coach markers, in every folder
 * of a multi-root workspace, with `files.exclude` and `search.exclude` honoured and `node_modules`
 * skipped. Reads through `workspace.fs` and never writes. A file that is too large, binary, not
 * UTF-8 or unreadable is skipped with a line in the log.
 */
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { enabledPatterns, type ExcludeMatcher, excludeMatcher } from '../excludePatterns';
import { mayHoldMarkers } from '../markerProbe';

/** Largest Markdown file read for plans; a plan is a few KB, a 50 MB file is something else. */
export const MAX_PLAN_FILE_BYTES = 2 * 1024 * 1024;
/**
 * Files read at once. Each `workspace.fs` call waits on a round trip (in a remote or browser
 * workbench through the window), so one file at a time is slow and many hide the wait; the cap
 * keeps the memory held by files in flight small (at most this many files, each measured as
 * SizeCheck says).
 */
const READ_CONCURRENCY = 32;
const decoder = new TextDecoder('utf-8', { fatal: true });

export type PlanFileRead =
  | { readonly kind: 'plan'; readonly text: string }
  | { readonly kind: 'not-a-plan' }
  | { readonly kind: 'skipped'; readonly reason: string };

/** `a{b,c}d` → `abd`, `acd`: a combined glob can hold no nested braces. */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  const close = open < 0 ? -1 : pattern.indexOf('}', open);
  if (open < 0 || close < 0) {
    return [pattern];
  }
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  return pattern
    .slice(open + 1, close)
    .split(',')
    .flatMap((choice) => expandBraces(head + choice + tail));
}

/** Folders never looked into, whatever the settings say. */
const ALWAYS_SKIPPED = ['**/node_modules', '**/.git', '**/.hg', '**/.svn'];

/** A folder's excluded patterns: its own `files.exclude` and `search.exclude` (read for it), and the folders always skipped. */
function folderPatterns(folder: vscode.WorkspaceFolder): string[] {
  const configuration = vscode.workspace.getConfiguration(undefined, folder.uri);
  return [...new Set([...ALWAYS_SKIPPED, ...enabledPatterns(configuration.get('files.exclude')), ...enabledPatterns(configuration.get('search.exclude'))])];
}

/** The path of `uri` inside `folder`, or undefined when it is not inside. */
function pathInside(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) {
    return undefined;
  }
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

/**
 * Which paths the Plans scan leaves out, per workspace folder, as the settings stand when it is
 * made (the index makes a new one when they change).
 */
export class ExcludedPaths {
  private readonly folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ folder, patterns: folderPatterns(folder) }));
  private readonly matchers = new Map(this.folders.map(({ folder, patterns }) => [folder.uri.toString(), excludeMatcher(patterns)]));

  /** Whether `uri` is excluded in its workspace folder (a file outside every folder is not). */
  excludes(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relative = folder ? pathInside(folder.uri, uri) : undefined;
    return folder !== undefined && relative !== undefined && (this.matchers.get(folder.uri.toString())?.excludes(relative) ?? false);
  }

  /** The glob handed to search: the patterns every folder shares (a folder's own are checked after). */
  searchGlob(): string {
    const shared = this.folders.map(({ patterns }) => patterns).reduce((common, patterns) => common.filter((pattern) => patterns.includes(pattern)), ALWAYS_SKIPPED.concat(this.folders[0]?.patterns ?? []));
    return `{${[...new Set(shared.flatMap(expandBraces))].join(',')}}`;
  }

  matcherOf(folder: vscode.WorkspaceFolder): ExcludeMatcher {
    return this.matchers.get(folder.uri.toString()) ?? excludeMatcher(ALWAYS_SKIPPED);
  }
}

/**
 * Markdown files of the workspace, excluded ones left out. One search over every folder; a folder
 * of another file system that search answered nothing for (no search provider) is walked by hand.
 */
export async function findMarkdownFiles(log: Log, excluded = new ExcludedPaths(), token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    return [];
  }
  let found: vscode.Uri[] = [];
  try {
    found = await vscode.workspace.findFiles('**/*.{md,markdown}', excluded.searchGlob(), undefined, token);
  } catch {
    found = [];
  }
  const kept = found.filter((uri) => !excluded.excludes(uri));
  for (const folder of folders) {
    const answered = found.some((uri) => pathInside(folder.uri, uri) !== undefined);
    // Search covers every `file` folder (an empty answer means no Markdown there); a folder of
    // another file system may have no search provider, so an empty answer there proves nothing.
    if (!answered && folder.uri.scheme !== 'file') {
      await walkFolder(folder.uri, '', kept, { entries: 0, matcher: excluded.matcherOf(folder), log });
    }
  }
  return kept;
}

/** Entries looked at, at most, when walking a workspace folder by hand. */
const MAX_WALKED_ENTRIES = 50000;
const MARKDOWN_FILE = /\.(md|markdown)$/i;

interface Walk {
  entries: number;
  readonly matcher: ExcludeMatcher;
  readonly log: Log;
}

async function walkFolder(folder: vscode.Uri, relative: string, into: vscode.Uri[], walk: Walk): Promise<void> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch (error) {
    walk.log.warn(`Plans: skipped the folder ${folder.toString(true)}: unreadable (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  for (const [name, type] of entries) {
    if (++walk.entries > MAX_WALKED_ENTRIES) {
      return;
    }
    const path = relative ? `${relative}/${name}` : name;
    if (walk.matcher.excludes(path)) {
      continue;
    }
    const uri = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) {
      await walkFolder(uri, path, into, walk);
    } else if (MARKDOWN_FILE.test(name)) {
      into.push(uri);
    }
  }
}

/**
 * When a file's size is measured. `before-read` (one more file-system round trip): for a single
 * file, one the watcher reports again and again (which may be large), and the background look at
 * startup. `after-read`: for the Plans scan, which someone waits for and where that round trip
 * per file cost a tenth of the scan; memory in flight is then at most READ_CONCURRENCY × the
 * largest Markdown file, and a refused file is never decoded.
 */
export type SizeCheck = 'before-read' | 'after-read';

/** Reads one file and tells whether it is a plan. Never throws. */
export async function readPlanFile(uri: vscode.Uri, log: Log, sizeCheck: SizeCheck = 'before-read'): Promise<PlanFileRead> {
  try {
    if (sizeCheck === 'before-read') {
      // A read alone would pull a file of any size into memory before it could be refused.
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) {
        return { kind: 'not-a-plan' };
      }
      if (stat.size > MAX_PLAN_FILE_BYTES) {
        return tooLarge(uri, log, stat.size);
      }
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      // A folder named like a Markdown file is no plan and no failure; only a failed read gets here, so the stat is rare.
      if (sizeCheck === 'after-read' && (await isDirectory(uri))) {
        return { kind: 'not-a-plan' };
      }
      throw error;
    }
    if (bytes.byteLength > MAX_PLAN_FILE_BYTES) {
      return tooLarge(uri, log, bytes.byteLength);
    }
    if (bytes.includes(0)) {
      return skipped(uri, log, 'binary content');
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return skipped(uri, log, 'not UTF-8 text');
    }
    return mayHoldMarkers(text) ? { kind: 'plan', text } : { kind: 'not-a-plan' };
  } catch (error) {
    return skipped(uri, log, `unreadable (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

function tooLarge(uri: vscode.Uri, log: Log, bytes: number): PlanFileRead {
  return skipped(uri, log, `larger than ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB (${Math.round(bytes / 1024 / 1024)} MB)`);
}

function skipped(uri: vscode.Uri, log: Log, reason: string): PlanFileRead {
  log.warn(`Plans: skipped ${uri.toString(true)}: ${reason}.`);
  return { kind: 'skipped', reason };
}

/**
 * Reads many files a few at a time, yielding to the host between reads. `onRead` returning true
 * stops it: no further file is started.
 */
export async function readPlanFiles(
  uris: readonly vscode.Uri[],
  log: Log,
  sizeCheck: SizeCheck | ((uri: vscode.Uri) => SizeCheck),
  onRead: (uri: vscode.Uri, read: PlanFileRead) => boolean | void,
): Promise<void> {
  const sizeCheckOf = typeof sizeCheck === 'function' ? sizeCheck : () => sizeCheck;
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (!stopped && next < uris.length) {
      const uri = uris[next++];
      if (uri && onRead(uri, await readPlanFile(uri, log, sizeCheckOf(uri))) === true) {
        stopped = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, uris.length) }, worker));
}

/** Whether any Markdown file of the workspace holds a plan; stops at the first one found. */
export async function workspaceHoldsPlan(log: Log): Promise<boolean> {
  let holdsPlan = false;
  // As many at a time as the scan reads: one by one, each read's round trip adds up. Measured
  // before each read: this runs in every session with a folder, in the background, where no
  // one waits for it and a huge Markdown file should not be pulled into memory.
  await readPlanFiles(await findMarkdownFiles(log), log, 'before-read', (_uri, read) => (holdsPlan ||= read.kind === 'plan'));
  return holdsPlan;
}
