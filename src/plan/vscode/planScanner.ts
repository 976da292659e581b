/**
 * Finds the plans of the workspace: Markdown files holding Collab Coach markers, in every folder
 * of a multi-root workspace, with `files.exclude` and `search.exclude` honoured and `node_modules`
 * skipped. Reads through `workspace.fs` and never writes. A file that is too large, binary, not
 * UTF-8 or unreadable is skipped with a line in the log.
 */
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { mayHoldMarkers } from '../markerProbe';

/** Largest Markdown file read for plans; a plan is a few KB, a 50 MB file is something else. */
export const MAX_PLAN_FILE_BYTES = 2 * 1024 * 1024;
/** Files read at once: enough to keep the disk busy, few enough to keep the host responsive. */
const READ_CONCURRENCY = 8;
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

/** The glob of folders and files not to look at: files.exclude, search.exclude and node_modules. */
export function excludeGlob(): string {
  const patterns = new Set<string>(['**/node_modules/**']);
  for (const section of ['files.exclude', 'search.exclude']) {
    const value = vscode.workspace.getConfiguration().get<unknown>(section);
    if (value && typeof value === 'object') {
      for (const [pattern, enabled] of Object.entries(value)) {
        // `true` excludes; a `when` clause depends on sibling files, which a listing cannot tell.
        if (enabled === true) {
          expandBraces(pattern).forEach((expanded) => patterns.add(expanded));
        }
      }
    }
  }
  return `{${[...patterns].join(',')}}`;
}

/** Markdown files of the workspace, excluded ones left out. */
export async function findMarkdownFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  let found: vscode.Uri[] = [];
  try {
    found = await vscode.workspace.findFiles('**/*.{md,markdown}', excludeGlob(), undefined, token);
  } catch {
    found = [];
  }
  if (found.length > 0) {
    // Not every search provider applies the exclude glob (VS Code for the Web's does not): skip the folders again here.
    return found.filter((uri) => !uri.path.split('/').some((segment) => WALK_SKIPPED.has(segment)));
  }
  // A file system without a search provider (some virtual workspaces) answers nothing: walk it.
  const walked: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    await walkFolder(folder.uri, walked, { entries: 0 });
  }
  return walked;
}

/** Entries looked at, at most, when walking a workspace by hand. */
const MAX_WALKED_ENTRIES = 50000;
const WALK_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);
const MARKDOWN_FILE = /\.(md|markdown)$/i;

async function walkFolder(folder: vscode.Uri, into: vscode.Uri[], budget: { entries: number }): Promise<void> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return; // An unreadable folder is left out, as search leaves it out.
  }
  for (const [name, type] of entries) {
    if (++budget.entries > MAX_WALKED_ENTRIES) {
      return;
    }
    const uri = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) {
      if (!WALK_SKIPPED.has(name)) {
        await walkFolder(uri, into, budget);
      }
    } else if (MARKDOWN_FILE.test(name)) {
      into.push(uri);
    }
  }
}

/** Reads one file and tells whether it is a plan. Never throws. */
export async function readPlanFile(uri: vscode.Uri, log: Log): Promise<PlanFileRead> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) {
      return { kind: 'not-a-plan' };
    }
    if (stat.size > MAX_PLAN_FILE_BYTES) {
      return skipped(uri, log, `larger than ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB (${Math.round(stat.size / 1024 / 1024)} MB)`);
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
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

function skipped(uri: vscode.Uri, log: Log, reason: string): PlanFileRead {
  log.warn(`Plans: skipped ${uri.toString(true)}: ${reason}.`);
  return { kind: 'skipped', reason };
}

/** Reads many files a few at a time, yielding to the host between batches. */
export async function readPlanFiles(uris: readonly vscode.Uri[], log: Log, onRead: (uri: vscode.Uri, read: PlanFileRead) => void): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < uris.length) {
      const uri = uris[next++];
      if (uri) {
        onRead(uri, await readPlanFile(uri, log));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, uris.length) }, worker));
}

/** Whether any Markdown file of the workspace holds a plan; stops at the first one. */
export async function workspaceHoldsPlan(log: Log): Promise<boolean> {
  for (const uri of await findMarkdownFiles()) {
    if ((await readPlanFile(uri, log)).kind === 'plan') {
      return true;
    }
  }
  return false;
}
