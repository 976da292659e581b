/**
 * Every plan of the workspace, open or not: found by the scanner, checked with the plan model,
 * and followed as files are created, changed, deleted or renamed (debounced; one changed file
 * re-reads one file), and as open documents are edited (their unsaved text wins).
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { Log } from '../../base/log';
import { WORK_SLICE_MS, yieldToHost } from '../../base/yieldToHost';
import { currentContentLanguage, onDidChangeContentLanguage } from '../../content/vscode/settings';
import { checkPlan, type PlanReport } from '../checker';
import type { CoachTemplates } from './coachTemplates';
import { affectsCoach, ruleSeverities } from './coachSettings';
import { ExcludedPaths, findMarkdownFiles, readPlanFiles, type SizeCheck } from './planScanner';
import type { PlanReports } from './planReports';

export interface IndexedPlan {
  readonly uri: vscode.Uri;
  readonly report: PlanReport;
  /** The report comes from an open editor's text (perhaps unsaved), not from the file on disk. */
  readonly fromEditor: boolean;
}

const WATCH_DEBOUNCE_MS = 300;

export class PlanIndex extends Disposable {
  private readonly plans = new Map<string, IndexedPlan>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Files created or changed since the watch timer started; read together when it fires. */
  private readonly pending = new Map<string, vscode.Uri>();
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private rereading: Promise<void> = Promise.resolve();
  private scanning: Promise<void> | undefined;
  private scanned = false;
  /** What the scan leaves out; made again when the settings or the folders change. */
  private excluded: ExcludedPaths | undefined;
  /** Something changed: the view, the badge and the reminders read the index again. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly templates: CoachTemplates,
    reports: PlanReports,
    private readonly log: Log,
  ) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}'));
    this._register(watcher.onDidCreate((uri) => this.schedule(uri)));
    this._register(watcher.onDidChange((uri) => this.schedule(uri)));
    this._register(watcher.onDidDelete((uri) => this.forget(uri)));
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.excluded = undefined;
        void this.rescan();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('files.exclude') || event.affectsConfiguration('search.exclude')) {
          this.excluded = undefined;
          if (this.scanned) {
            void this.rescan(); // A folder newly excluded (or no longer) changes the list.
          }
        } else if (affectsCoach(event) && this.scanned) {
          void this.rescan(); // A rule's severity changed: plans not open are checked again with it.
        }
      }),
    );
    // The findings' words follow the content language, for plans not open as well.
    this._register(onDidChangeContentLanguage(() => (this.scanned ? void this.rescan() : undefined)));
    this._register(
      reports.onDidCheck(({ document, report }) => {
        if (document.uri.scheme !== 'untitled') {
          this.set({ uri: document.uri, report, fromEditor: true });
        }
      }),
    );
    // A plan closed in the editor: what counts again is the file on disk (an untitled one has none).
    this._register(reports.onDidRemove((uri) => (uri.scheme === 'untitled' ? this.forget(uri) : this.schedule(uri))));
    this._register({ dispose: () => clearTimeout(this.pendingTimer) });
  }

  /** The plans, once the first scan is done (it starts on first call). */
  async all(): Promise<IndexedPlan[]> {
    await this.ensureScanned();
    return [...this.plans.values()];
  }

  /** The plans known now, without waiting for a scan. */
  known(): IndexedPlan[] {
    return [...this.plans.values()];
  }

  get isScanned(): boolean {
    return this.scanned;
  }

  get(uri: vscode.Uri): IndexedPlan | undefined {
    return this.plans.get(uri.toString());
  }

  ensureScanned(): Promise<void> {
    this.scanning ??= this.scan();
    return this.scanning;
  }

  /** Looks at the whole workspace again (Check All Plans, folders added or removed). */
  rescan(): Promise<void> {
    this.scanning = this.scan();
    return this.scanning;
  }

  private async scan(): Promise<void> {
    const started = Date.now();
    // The templates (the checks need them) load while the files are found and read; a failure
    // surfaces where the first check awaits them.
    this.templates.load().catch(() => undefined);
    try {
      const files = await findMarkdownFiles(this.log, this.excludedPaths());
      const found = new Set<string>();
      const plans: { uri: vscode.Uri; text: string }[] = [];
      await readPlanFiles(files, this.log, 'after-read', (uri, read) => {
        if (read.kind === 'plan' && !this.isDisposed) {
          found.add(uri.toString());
          plans.push({ uri, text: read.text });
        }
      });
      await this.checkAll(plans);
      for (const key of [...this.plans.keys()]) {
        if (!found.has(key) && !this.plans.get(key)?.fromEditor) {
          this.plans.delete(key);
        }
      }
      this.log.info(`Plans: ${found.size} plans among ${files.length} Markdown files, in ${Date.now() - started} ms.`);
    } catch (error) {
      this.log.error('Plans: the workspace could not be searched for plans.', error);
    } finally {
      this.scanned = true;
      this.changed.fire();
    }
  }

  /**
   * Checks the plans a scan read, after the reading: a check between two reads held up the reads
   * waiting behind it (the bench's 1,000 plans among 6,000 files, two runs each: 1.7–1.9× its
   * reference mixed, 1.4× apart). Slices keep the host answering meanwhile.
   */
  private async checkAll(plans: readonly { uri: vscode.Uri; text: string }[]): Promise<void> {
    let sliceStarted = Date.now();
    for (const { uri, text } of plans) {
      await this.checkText(uri, text);
      if (Date.now() - sliceStarted >= WORK_SLICE_MS) {
        await yieldToHost();
        sliceStarted = Date.now();
      }
    }
  }

  private async checkText(uri: vscode.Uri, text: string): Promise<void> {
    const { knowledge } = await this.templates.load();
    if (this.isDisposed || this.plans.get(uri.toString())?.fromEditor) {
      return; // An open editor's text is newer than the file.
    }
    const report = checkPlan(text, { today: new Date(), language: currentContentLanguage(), knowledge, severities: ruleSeverities(uri) });
    if (report.sections.length > 0) {
      this.set({ uri, report, fromEditor: false });
    }
  }

  private set(plan: IndexedPlan): void {
    this.plans.set(plan.uri.toString(), plan);
    if (this.scanned) {
      this.changed.fire();
    }
  }

  private forget(uri: vscode.Uri): void {
    if (this.plans.delete(uri.toString())) {
      this.changed.fire();
    }
  }

  private excludedPaths(): ExcludedPaths {
    this.excluded ??= new ExcludedPaths();
    return this.excluded;
  }

  /**
   * A file was created or changed: read it again after a short wait. Events of that wait are read
   * together, a few files at a time (a checkout or a generator can create thousands at once), and
   * a file changed twice in it is read once.
   */
  private schedule(uri: vscode.Uri): void {
    if (this.excludedPaths().excludes(uri)) {
      return;
    }
    this.pending.set(uri.toString(), uri);
    this.pendingTimer ??= setTimeout(() => {
      this.pendingTimer = undefined;
      const batch = [...this.pending.values()];
      this.pending.clear();
      this.rereading = this.rereading.then(() => this.reread(batch)).catch((error: unknown) => this.log.error('Plans: changed files could not be read again.', error));
    }, WATCH_DEBOUNCE_MS);
  }

  /** Files changed: read those files again, and only them. */
  private async reread(uris: readonly vscode.Uri[]): Promise<void> {
    const open = new Set(vscode.workspace.textDocuments.filter((document) => !document.isClosed).map((document) => document.uri.toString()));
    // The editor's text is what counts while the plan is open.
    const fromDisk = uris.filter((uri) => !(open.has(uri.toString()) && this.plans.get(uri.toString())?.fromEditor));
    const checks: Promise<void>[] = [];
    // A file the watcher reports may be one that grows and grows (a generated report): measured
    // first, unless it was a plan when last read (a plan that grew past the limit is read once,
    // refused and forgotten, and measured first from then on).
    const sizeCheck = (uri: vscode.Uri): SizeCheck => (this.plans.has(uri.toString()) ? 'after-read' : 'before-read');
    await readPlanFiles(fromDisk, this.log, sizeCheck, (uri, read) => {
      if (this.isDisposed) {
        return true; // Gone: read no further.
      }
      if (read.kind === 'plan') {
        this.plans.delete(uri.toString());
        checks.push(this.checkText(uri, read.text));
      } else {
        this.forget(uri);
      }
      return false;
    });
    await Promise.all(checks);
  }
}
