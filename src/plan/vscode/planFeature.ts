/**
 * Adapter for the plan room's commands, `collabCoach.insertPlan` and `collabCoach.newPlan`: creates
 * their units on one template catalogue. Built as a lazily loaded chunk (dist/plan.js). Files are
 * only touched through `vscode.workspace.fs`, so it works the same on remotes, in virtual
 * workspaces and on the web.
 */
import type * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import { type Log } from '../../base/log';
import { InsertPlanCommand } from './insertPlanCommand';
import { NewPlanCommand, type PlanInputAsker, inputBoxInputs } from './newPlanCommand';
import { PlanFeedback, type PlanMessages, notificationMessages } from './planMessages';
import { TemplateCatalogue } from './templateCatalogue';
import { type TemplatePicker, quickPickTemplate } from './templatePicker';

export type { PlanInputs } from '../newPlanText';
export type { PlanInputAsker } from './newPlanCommand';
export type { PlanMessageKind, PlanMessages } from './planMessages';
export type { TemplateChoice, TemplatePicker } from './templatePicker';
export { TemplateCatalogue } from './templateCatalogue';

export interface PlanFeature extends vscode.Disposable {
  /** Inserts a template at the primary cursor; `templateId` skips the picker when it names a template. */
  insertPlan(templateId?: unknown): Promise<void>;
  /** Creates a dated plan file: in the folder given as a Uri (Explorer), or with `{ counterpart, title }` to skip the questions. */
  newPlan(argument?: unknown): Promise<void>;
}

/** What tests replace; the defaults are VS Code's own UI. */
export interface PlanFeatureOptions {
  readonly messages?: PlanMessages;
  readonly pickTemplate?: TemplatePicker;
  readonly askForInputs?: PlanInputAsker;
  /** A catalogue shared with other features; the feature creates (and disposes) its own without one. */
  readonly catalogue?: TemplateCatalogue;
}

class PlanCommands extends Disposable implements PlanFeature {
  private readonly insert: InsertPlanCommand;
  private readonly create: NewPlanCommand;

  constructor(extensionUri: vscode.Uri, log: Log, options: PlanFeatureOptions) {
    super();
    const feedback = new PlanFeedback(options.messages ?? notificationMessages, log);
    const catalogue = options.catalogue ?? this._register(new TemplateCatalogue(extensionUri, log));
    this.create = this._register(new NewPlanCommand(catalogue, feedback, options.askForInputs ?? inputBoxInputs));
    this.insert = this._register(new InsertPlanCommand(catalogue, feedback, options.pickTemplate ?? quickPickTemplate, () => this.newPlan()));
  }

  insertPlan(templateId?: unknown): Promise<void> {
    return this.insert.run(templateId);
  }

  newPlan(argument?: unknown): Promise<void> {
    return this.create.run(argument);
  }
}

export function createPlanFeature(context: Pick<vscode.ExtensionContext, 'extensionUri'>, log: Log, options: PlanFeatureOptions = {}): PlanFeature {
  return new PlanCommands(context.extensionUri, log, options);
}
