/**
 * Adapter: `collabCoach.newPlan` — asks who the plan is with and what it is for, then creates a
 * dated plan file from the full-plan template.
 *
 * The file is on disk, complete, before it opens: closing it unsaved never leaves an empty or
 * half-written plan behind. Its content is then replaced once by a snippet that expands to the very
 * same text, so nothing changes on screen and Tab walks the questions.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import { currentContentLanguage } from '../../content/vscode/settings';
import { type NewPlanContent, type PlanInputs, newPlanContent, normalizePlanInput, normalizePlanTitle } from '../newPlanText';
import { planFileName } from '../slug';
import { ExclusiveFiles } from './exclusiveFiles';
import { planDirectory } from './planLocation';
import { type PlanFeedback, errorText } from './planMessages';
import { type TemplateCatalogue } from './templateCatalogue';

/** Asks the user for the plan's counterpart and title; tests pass a function that answers without UI. */
export type PlanInputAsker = () => Thenable<PlanInputs | undefined>;

export class NewPlanCommand extends Disposable {
  private readonly files = this._register(new ExclusiveFiles());

  constructor(
    private readonly catalogue: TemplateCatalogue,
    private readonly feedback: PlanFeedback,
    private readonly askForInputs: PlanInputAsker,
  ) {
    super();
  }

  /**
   * `argument`: the folder right-clicked in the Explorer, or `{ counterpart, title }` to skip the
   * questions (for keybindings and other extensions), or nothing.
   */
  async run(argument?: unknown): Promise<void> {
    const chosenFolder = argument instanceof vscode.Uri ? argument : undefined;
    const given = typeof argument === 'object' && argument !== null && !chosenFolder ? argument : await this.askForInputs();
    const inputs = given && this.validInputs(given);
    if (!inputs || this.isDisposed) {
      return;
    }
    let content: NewPlanContent;
    try {
      content = newPlanContent(await this.catalogue.builtIn('full-plan', currentContentLanguage()), inputs, new Date());
    } catch (error) {
      this.feedback.fail(vscode.l10n.t('The template "{0}" could not be loaded: {1}', 'full-plan', errorText(error)), error);
      return;
    }
    let document: vscode.TextDocument;
    try {
      const directory = await planDirectory(chosenFolder, this.feedback);
      document = directory
        ? await vscode.workspace.openTextDocument(await this.files.create(directory, planFileName(new Date(), inputs.title), new TextEncoder().encode(content.text)))
        : await vscode.workspace.openTextDocument({ language: 'markdown', content: content.text });
    } catch (error) {
      this.feedback.fail(vscode.l10n.t('The plan file could not be created: {0}', errorText(error)), error);
      return;
    }
    await this.walkQuestions(await vscode.window.showTextDocument(document), content);
  }

  /** Replaces the text with the snippet that expands to it, so Tab goes from question to question. */
  private async walkQuestions(editor: vscode.TextEditor, content: NewPlanContent): Promise<void> {
    const document = editor.document;
    if (document.getText() !== content.text) {
      // Something changed the file between its creation and now (another tool, a save participant): leave it be.
      this.feedback.log.warn(`The new plan ${document.uri.toString(true)} changed before it opened; its questions are not linked for Tab.`);
      return;
    }
    const whole = document.validateRange(new vscode.Range(0, 0, document.lineCount, 0));
    if (!(await editor.insertSnippet(new vscode.SnippetString(content.snippet), whole))) {
      this.feedback.log.warn(`The editor did not accept the snippet for ${document.uri.toString(true)}; the plan is complete but Tab does not walk its questions.`);
      return;
    }
    // The same text replaced the same text, yet the editor counts it as an edit: save, so a plan
    // nobody has typed in yet is not shown as unsaved (untitled plans stay unsaved: no file chosen).
    if (!document.isUntitled && document.isDirty && document.getText() === content.text && !(await document.save())) {
      this.feedback.log.warn(`The new plan ${document.uri.toString(true)} could not be saved after linking its questions; it is complete on disk.`);
    }
  }

  /** `{ counterpart, title }` as one line each, or undefined (with a message) when not two texts. */
  private validInputs(given: object): PlanInputs | undefined {
    const { counterpart, title } = given as { counterpart?: unknown; title?: unknown };
    if (typeof counterpart === 'string' && typeof title === 'string') {
      const inputs = { counterpart: normalizePlanInput(counterpart), title: normalizePlanTitle(title) };
      if (inputs.counterpart !== '' && inputs.title !== '') {
        return inputs;
      }
    }
    this.feedback.tell('error', vscode.l10n.t('collabCoach.newPlan expects {0} with two non-empty texts.', '{ counterpart, title }'));
    return undefined;
  }
}

/** The two questions, in input boxes. */
export const inputBoxInputs: PlanInputAsker = async () => {
  const required =
    (normalize: (value: string) => string) =>
    (value: string): string | undefined =>
      normalize(value) === '' ? vscode.l10n.t('Please enter some text.') : undefined;
  const counterpart = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Collaboration Plan (1/2)'),
    prompt: vscode.l10n.t('Which department or person do you need to work with?'),
    placeHolder: vscode.l10n.t('e.g. Finance'),
    ignoreFocusOut: true,
    validateInput: required(normalizePlanInput),
  });
  if (counterpart === undefined) {
    return undefined;
  }
  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Collaboration Plan (2/2)'),
    prompt: vscode.l10n.t('What do you want to get done together? This becomes the title and the file name.'),
    placeHolder: vscode.l10n.t('e.g. Year-end budget for the new tool'),
    ignoreFocusOut: true,
    validateInput: required(normalizePlanTitle),
  });
  if (title === undefined) {
    return undefined;
  }
  return { counterpart: normalizePlanInput(counterpart), title: normalizePlanTitle(title) };
};
