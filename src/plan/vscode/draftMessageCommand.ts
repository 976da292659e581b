/**
 * Adapter for `collabCoach.draftMessage` (a lazily loaded chunk, dist/message.js): reads a plan
 * with the templates' knowledge, drafts the message to the other department (messageDraft.ts) and
 * opens it as an untitled Markdown document beside the plan. A notification offers to copy it
 * and, when answers were left out, to jump to the first question to answer.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import { type Log } from '../../base/log';
import { draftMessage, type MessageDraft, messageCounterpart } from '../messageDraft';
import { parsePlan } from '../planModel';
import { localIsoDate } from '../slug';
import { type TemplateKnowledge, templateKnowledge } from '../templateKnowledge';
import { type PlanMessages, notificationMessages } from './planMessages';
import type { TemplateCatalogue } from './templateCatalogue';

/** How many left-out questions the notification names before it counts the rest. */
const NAMED_QUESTIONS = 3;

export interface DraftedMessage {
  /** The untitled document holding the message. */
  readonly document: vscode.TextDocument;
  readonly draft: MessageDraft;
  /** Settles once the notification is answered (or dismissed) and its action done. */
  readonly followUp: Promise<void>;
}

export interface DraftMessageFeature extends vscode.Disposable {
  /** Drafts the message of a plan (the active editor's by default); undefined when there is none to draft. */
  draftMessage(target?: vscode.Uri): Promise<DraftedMessage | undefined>;
}

class DraftMessageCommand extends Disposable implements DraftMessageFeature {
  private knowledge: Promise<TemplateKnowledge> | undefined;

  constructor(
    private readonly catalogue: Pick<TemplateCatalogue, 'everyBuiltIn'>,
    private readonly log: Log,
    private readonly messages: PlanMessages,
    private readonly clipboard: Pick<vscode.Clipboard, 'writeText'>,
  ) {
    super();
  }

  async draftMessage(target?: vscode.Uri): Promise<DraftedMessage | undefined> {
    const uri = target ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void this.messages.show('info', vscode.l10n.t('Open a plan to draft the message to the other department.'));
      return undefined;
    }
    try {
      const plan = await vscode.workspace.openTextDocument(uri);
      this.knowledge ??= this.catalogue.everyBuiltIn().then(templateKnowledge);
      const model = parsePlan(plan.getText(), await this.knowledge);
      if (model.sections.length === 0) {
        void this.messages.show('info', vscode.l10n.t('This document holds no Collab Coach plan, so there is no message to draft. Make one with New Collaboration Plan or Insert Collaboration Plan.'));
        return undefined;
      }
      const draft = draftMessage(model, { today: localIsoDate(new Date()) });
      const name = messageCounterpart(model) ?? vscode.l10n.t('the other department');
      if (draft.parts.length === 0) {
        this.tellNothingToDraft(plan, draft, name);
        return undefined;
      }
      const document = await this.showBeside(draft.text);
      const followUp = this.offerActions(plan, draft, name).catch((error: unknown) => this.log.error('Could not copy the message or show the plan.', error));
      return { document, draft, followUp };
    } catch (error) {
      this.log.error(`Could not draft the message of ${uri.toString(true)}.`, error);
      void this.messages.show('error', vscode.l10n.t('Could not draft the message: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }

  /**
   * Opens an empty untitled Markdown document beside the plan, then writes the message into it. An
   * untitled document created with its text is dirty before it is shown, and the workbench opens
   * such documents in the active group by itself: the message would show twice.
   */
  private async showBeside(text: string): Promise<vscode.TextDocument> {
    const empty = await vscode.workspace.openTextDocument({ language: 'markdown' });
    const editor = await vscode.window.showTextDocument(empty, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    if (!(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), text)))) {
      throw new Error('the editor did not take the message');
    }
    const start = new vscode.Position(0, 0);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.AtTop);
    return editor.document;
  }

  /** No answer the message is made of: the questions to answer, or the sections to add first. */
  private tellNothingToDraft(plan: vscode.TextDocument, draft: MessageDraft, name: string): void {
    if (draft.missing.length === 0) {
      void this.messages.show('info', vscode.l10n.t('This plan has none of the sections the message to {0} is made of (core needs, common interests, both sides covered, workload). Insert All Missing Sections adds them.', name));
      return;
    }
    const answer = vscode.l10n.t('Answer the Questions');
    const chosen = this.messages.show('info', vscode.l10n.t('The plan has none of the answers the message to {0} is made of yet: {1}.', name, this.questionList(draft)), answer);
    void Promise.resolve(chosen)
      .then((action) => (action === answer ? this.answerQuestions(plan, draft) : undefined))
      .catch((error: unknown) => this.log.error('Could not show the plan at its first question.', error));
  }

  /** Offers Copy to Clipboard and, when answers were left out, a jump to the first question. */
  private async offerActions(plan: vscode.TextDocument, draft: MessageDraft, name: string): Promise<void> {
    const copy = vscode.l10n.t('Copy to Clipboard');
    const answer = vscode.l10n.t('Answer the Questions');
    const text =
      draft.missing.length === 0
        ? vscode.l10n.t('Drafted the message to {0}, beside the plan. Edit it there, or copy it as it is.', name)
        : vscode.l10n.t('Drafted the message to {0}, beside the plan. Left out until answered: {1}.', name, this.questionList(draft));
    const chosen = await this.messages.show('info', text, ...(draft.missing.length > 0 ? [copy, answer] : [copy]));
    if (chosen === copy) {
      await this.clipboard.writeText(draft.text);
    } else if (chosen === answer) {
      await this.answerQuestions(plan, draft);
    }
  }

  private questionList(draft: MessageDraft): string {
    const named = draft.missing.slice(0, NAMED_QUESTIONS).map((missing) => missing.label);
    const more = draft.missing.length - named.length;
    return more > 0 ? vscode.l10n.t('{0} and {1} more', named.join(', '), more) : named.join(', ');
  }

  /** Shows the plan (in its own editor group when open) at the end of the first question's line. */
  private async answerQuestions(plan: vscode.TextDocument, draft: MessageDraft): Promise<void> {
    const first = draft.missing[0];
    if (!first || first.line >= plan.lineCount) {
      return;
    }
    const end = plan.lineAt(first.line).range.end;
    const column = vscode.window.visibleTextEditors.find((editor) => editor.document === plan)?.viewColumn;
    const editor = await vscode.window.showTextDocument(plan, { selection: new vscode.Range(end, end), preview: false, ...(column ? { viewColumn: column } : {}) });
    editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** Tests pass recorders for the notifications and the clipboard; the defaults are VS Code's own. */
export function createDraftMessageFeature(
  catalogue: Pick<TemplateCatalogue, 'everyBuiltIn'>,
  log: Log,
  messages: PlanMessages = notificationMessages,
  clipboard: Pick<vscode.Clipboard, 'writeText'> = vscode.env.clipboard,
): DraftMessageFeature {
  return new DraftMessageCommand(catalogue, log, messages, clipboard);
}
