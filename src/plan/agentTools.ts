/**
 * The language model tools' plan side (pure): their input read without trusting it, a path
 * resolved within the workspace folders, and the results the model reads, as JSON text. The
 * adapter (vscode/agentToolsFeature.ts) reads files and settings and puts errors into words.
 */
import type { ContentLanguage } from '../content/language';
import type { PlanReport } from './checker';
import type { PlanSummary } from './planSummary';
import type { FindingCode } from './rules';
import { type InputCheck, readInputObject } from '../base/toolInput';

export type { AgentToolError, InputCheck } from '../base/toolInput';

export interface CheckPlanInput {
  /** The plan to check; undefined checks every plan of the workspace. */
  readonly path: string | undefined;
}

export function parseCheckPlanInput(input: unknown): InputCheck<CheckPlanInput> {
  const read = readInputObject(input, ['path']);
  if (!read.ok) {
    return read;
  }
  const path = read.value['path'];
  if (path === undefined) {
    return { ok: true, value: { path: undefined } };
  }
  if (typeof path !== 'string') {
    return { ok: false, error: { kind: 'wrong-type', property: 'path', expected: 'string' } };
  }
  if (path.trim() === '') {
    return { ok: false, error: { kind: 'empty-path' } };
  }
  return { ok: true, value: { path: path.trim() } };
}

export function parseListPlansInput(input: unknown): InputCheck<Record<string, never>> {
  const read = readInputObject(input, []);
  return read.ok ? { ok: true, value: {} } : read;
}

/** How a path given to a tool is to be read. */
export type PathInput =
  | { readonly kind: 'uri'; readonly text: string }
  | { readonly kind: 'absolute'; readonly path: string }
  | { readonly kind: 'relative'; readonly path: string };

const URI_WITH_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;
const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;

/** A URI (`file:///…`, `vscode-vfs://…`), an absolute path (`/…`, `C:\…`), or a path relative to a workspace folder. */
export function classifyPathInput(text: string): PathInput {
  if (WINDOWS_DRIVE.test(text)) {
    // VS Code writes a drive letter in lower case in a URI's path.
    return { kind: 'absolute', path: '/' + text.charAt(0).toLowerCase() + text.slice(1).replace(/\\/g, '/') };
  }
  if (URI_WITH_SCHEME.test(text)) {
    return { kind: 'uri', text };
  }
  const slashed = text.replace(/\\/g, '/');
  return slashed.startsWith('/') ? { kind: 'absolute', path: slashed } : { kind: 'relative', path: slashed };
}

/**
 * A relative path's segments with `.` and `..` resolved, or undefined when `..` climbs above the
 * folder it is relative to.
 */
export function normalizeRelativePath(path: string): string[] | undefined {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      if (segments.length === 0) {
        return undefined;
      }
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments;
}

/** An absolute path with `.` and `..` resolved (a `..` at the root stays at the root). */
export function normalizeAbsolutePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') {
      segments.pop();
    } else if (segment !== '' && segment !== '.') {
      segments.push(segment);
    }
  }
  return '/' + segments.join('/');
}

/** Whether `path` is `folder` itself or lies below it (both absolute and normalized). */
export function isWithinFolder(folder: string, path: string): boolean {
  const base = folder.endsWith('/') ? folder.slice(0, -1) : folder;
  return path === base || path.startsWith(base + '/');
}

/**
 * Which folder a relative path is relative to: in a multi-root workspace a first segment naming a
 * folder picks it (as VS Code's own relative paths read); otherwise the first folder.
 */
export function folderForRelativePath(segments: readonly string[], folderNames: readonly string[]): { folder: number; segments: readonly string[] } {
  if (folderNames.length > 1 && segments.length > 1) {
    const named = folderNames.indexOf(segments[0] ?? '');
    if (named >= 0) {
      return { folder: named, segments: segments.slice(1) };
    }
  }
  return { folder: 0, segments };
}

export interface ToolFinding {
  readonly code: FindingCode;
  readonly severity: string;
  /** 1-based, as editors number lines. */
  readonly line: number;
  readonly endLine?: number;
  readonly message: string;
  readonly lessonSection: string;
}

export interface PlanFindings {
  readonly file: string;
  readonly title: string | null;
  readonly findings: readonly ToolFinding[];
  /** Findings hidden by a `collab-coach-disable` comment or a rule set to `off`. */
  readonly hidden: number;
}

/** A plan's findings as the check tool reports them, messages in `language`. */
export function planFindings(file: string, report: PlanReport, language: ContentLanguage): PlanFindings {
  return {
    file,
    title: report.model.title?.text ?? null,
    findings: report.findings.map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      line: finding.line + 1,
      ...(finding.endLine === undefined || finding.endLine === finding.line ? {} : { endLine: finding.endLine + 1 }),
      message: finding.message[language],
      lessonSection: finding.lessonSection,
    })),
    hidden: report.hidden,
  };
}

/** The check tool's result: the findings by file. */
export function checkPlanResultText(files: readonly PlanFindings[]): string {
  return JSON.stringify({ plans: files }, null, 2);
}

export interface ToolPlanEntry {
  readonly file: string;
  readonly title: string | null;
  readonly counterpart: string | null;
  readonly answered: number;
  readonly total: number;
  /** Each of the lesson's three principles: whether the plan practises it without a finding against it. */
  readonly principles: Readonly<Record<string, boolean>>;
  readonly nextCheckin: string | null;
  readonly overdueCheckins: readonly string[];
  readonly attention: readonly { readonly code: FindingCode; readonly reason: string }[];
}

/** A Plans view row as the list tool reports it; `reason` words a code (l10n, from the adapter). */
export function planListEntry(file: string, summary: PlanSummary, reason: (code: FindingCode) => string): ToolPlanEntry {
  return {
    file,
    title: summary.title ?? null,
    counterpart: summary.counterpart ?? null,
    answered: summary.answered,
    total: summary.total,
    principles: { ...summary.principles },
    nextCheckin: summary.nextCheckin?.date ?? null,
    overdueCheckins: summary.overdue.flatMap((checkin) => (checkin.date === undefined ? [] : [checkin.date])),
    attention: summary.attention.map((code) => ({ code, reason: reason(code) })),
  };
}

/** The list tool's result: the plans in the Plans view's order (those needing attention first). */
export function listPlansResultText(plans: readonly ToolPlanEntry[]): string {
  return JSON.stringify({ count: plans.length, plans }, null, 2);
}
