/**
 * Adapter: `collabCoach.insertPlan` — inserts a template at the primary cursor as a snippet, adding
 * only the sections the document lacks (src/plan/merge.ts decides what).
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import { currentContentLanguage } from '../../content/vscode/settings';
import { buildMergeSnippet, insertionLayout } from '../merge';
import { snippetToPlainText } from '../snippet';
import { type InsertableTemplate, isBuiltInTemplateId } from '../templates';
import { titleLineRanges } from '../titleLines';
import { type PlanFeedback, errorText } from './planMessages';
import { type TemplateCatalogue } from './templateCatalogue';
import { type TemplatePicker, templateChoices } from './templatePicker';

export class InsertPlanCommand extends Disposable {
  constructor(
    private readonly catalogue: TemplateCatalogue,
    private readonly feedback: PlanFeedback,
    private readonly pickTemplate: TemplatePicker,
    /** Runs New Plan when the user takes that offer (no editor open). */
    private readonly startNewPlan: () => Promise<void>,
  ) {
    super();
  }

  /** Inserts a template at the primary cursor; `templateId` skips the picker when it names a template. */
  async run(templateId?: unknown): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      const newPlanAction = vscode.l10n.t('New Plan');
      void this.feedback.messages
        .show('info', vscode.l10n.t('Open a text document to insert a plan into it, or start a new plan file.'), newPlanAction)
        .then((choice) => (choice === newPlanAction && !this.isDisposed ? this.startNewPlan() : undefined));
      return;
    }
    const document = editor.document;
    if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) {
      this.feedback.tell('error', vscode.l10n.t('This document is read-only, so no plan was inserted.'));
      return;
    }
    const template = await this.chooseTemplate(templateId);
    if (!template || this.isDisposed) {
      return;
    }
    if (document.isClosed) {
      this.feedback.tell('info', vscode.l10n.t('The document was closed while you were choosing a template, so nothing was inserted.'));
      return;
    }
    // Read the selection and text again now: the document may have changed while the picker was open.
    await this.insert(await editorFor(document), template);
  }

  /** The template to insert: the argument when it names one, otherwise the picker's choice. */
  private async chooseTemplate(templateId: unknown): Promise<InsertableTemplate | undefined> {
    const language = currentContentLanguage();
    if (isBuiltInTemplateId(templateId)) {
      try {
        return await this.catalogue.builtIn(templateId, language);
      } catch (error) {
        this.feedback.fail(vscode.l10n.t('The template "{0}" could not be loaded: {1}', templateId, errorText(error)), error);
        return undefined;
      }
    }
    if (typeof templateId === 'string' && templateId.startsWith('team:')) {
      const team = await this.catalogue.teamTemplate(templateId);
      if (team) {
        return team;
      }
    }
    const choices = templateChoices(await this.catalogue.all(language));
    const picked = await this.pickTemplate(choices, vscode.l10n.t('Choose a collaboration template to insert'));
    if (picked?.broken) {
      this.feedback.tell('error', vscode.l10n.t('The template "{0}" cannot be used: {1}', picked.broken.fileName, picked.broken.problem));
      return undefined;
    }
    return picked?.template;
  }

  private async insert(editor: vscode.TextEditor, template: InsertableTemplate): Promise<void> {
    const document = editor.document;
    const merge = buildMergeSnippet(template, document.getText(), titleLineRanges);
    if (merge.snippet === '') {
      this.feedback.tell(
        'info',
        vscode.l10n.t('This document already has every section of "{0}" ({1}). Nothing was changed.', template.name, sectionTitles(template, merge.present)),
      );
      return;
    }
    const hadMultipleCursors = editor.selections.length > 1;
    const cursor = editor.selection.active;
    const layout = insertionLayout(
      document.lineAt(cursor.line).text,
      cursor.character,
      cursor.line > 0 ? document.lineAt(cursor.line - 1).text : undefined,
    );
    const lineReplacement = layout.lineReplacement;
    const refused = vscode.l10n.t('The plan could not be inserted: the editor did not accept the edit. Is the document read-only?');
    if (lineReplacement !== undefined) {
      // Same undo group as the snippet: no undo stop between the two edits.
      const lineRange = document.lineAt(cursor.line).range;
      const edited = await editor.edit((builder) => builder.replace(lineRange, lineReplacement), { undoStopBefore: true, undoStopAfter: false });
      if (!edited) {
        this.feedback.fail(refused);
        return;
      }
    }
    const inserted = await editor.insertSnippet(new vscode.SnippetString(layout.prefix + merge.snippet), new vscode.Position(cursor.line + layout.lineOffset, 0), {
      undoStopBefore: lineReplacement === undefined,
      undoStopAfter: true,
    });
    if (!inserted) {
      this.feedback.fail(refused);
      return;
    }
    const notes: string[] = [];
    if (merge.present.length > 0) {
      notes.push(
        vscode.l10n.t(
          'Added the missing sections: {0}. Already in the document and left as they were: {1}.',
          sectionTitles(template, merge.added),
          sectionTitles(template, merge.present),
        ),
      );
    }
    if (hadMultipleCursors) {
      notes.push(vscode.l10n.t('Inserted at the primary cursor only.'));
    }
    if (notes.length > 0) {
      this.feedback.tell('info', notes.join(' '));
    }
  }
}

/** The editor showing `document` now: the active one, a visible one, or the document shown again. */
async function editorFor(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active?.document === document) {
    return active;
  }
  return vscode.window.visibleTextEditors.find((editor) => editor.document === document) ?? (await vscode.window.showTextDocument(document));
}

function sectionTitles(template: InsertableTemplate, markers: readonly string[]): string {
  return markers
    .map((marker) => {
      const title = template.sections.find((section) => section.marker === marker)?.title;
      return title ? snippetToPlainText(title) : marker;
    })
    .join(vscode.l10n.t(', '));
}
