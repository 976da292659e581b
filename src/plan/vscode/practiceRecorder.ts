/**
 * Progress by practice: a principle counts as practised while a plan file in the workspace passes
 * its sections. Kept per plan file and pruned: an untitled document never counts, and a plan that
 * is deleted stops counting (a renamed one moves with its name).
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { Log } from '../../base/log';
import { PRINCIPLE_IDS } from '../../lesson/progressCore';
import type { ProgressStore } from '../../lesson/vscode/progress';
import type { PlanReports } from './planReports';

export class PracticeRecorder extends Disposable {
  constructor(
    reports: PlanReports,
    private readonly progress: ProgressStore,
    private readonly log: Log,
  ) {
    super();
    this._register(
      reports.onDidCheck(({ document, report }) => {
        if (document.uri.scheme === 'untitled') {
          return;
        }
        for (const principle of PRINCIPLE_IDS) {
          progress.setPractised(principle, document.uri.toString(), report.principlesPassing[principle]);
        }
      }),
    );
    this._register(vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.forgetUnder(uri))));
    this._register(
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) {
          this.moveUnder(oldUri, newUri);
        }
      }),
    );
    void this.pruneMissing();
  }

  /** Plans recorded under `uri` (the file itself, or files in a deleted folder). */
  private keysUnder(uri: vscode.Uri): string[] {
    const key = uri.toString();
    return this.progress.practisedPlans().filter((plan) => plan === key || plan.startsWith(key.endsWith('/') ? key : key + '/'));
  }

  private forgetUnder(uri: vscode.Uri): void {
    for (const key of this.keysUnder(uri)) {
      this.progress.forgetPlan(key);
    }
  }

  private moveUnder(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const oldKey = oldUri.toString();
    for (const key of this.keysUnder(oldUri)) {
      this.progress.renamePlan(key, newUri.toString() + key.slice(oldKey.length));
    }
  }

  /** Forgets plans recorded earlier whose files are gone (deleted outside VS Code, or while it was closed). */
  private async pruneMissing(): Promise<void> {
    for (const key of this.progress.practisedPlans()) {
      let uri: vscode.Uri;
      try {
        uri = vscode.Uri.parse(key, true);
      } catch {
        this.progress.forgetPlan(key);
        continue;
      }
      if (uri.scheme === 'untitled') {
        this.progress.forgetPlan(key);
        continue;
      }
      try {
        await vscode.workspace.fs.stat(uri);
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
          this.progress.forgetPlan(key);
        } else {
          this.log.warn(`Could not look at the plan ${key} to keep its practice: ${String(error)}`);
        }
      }
    }
  }
}
