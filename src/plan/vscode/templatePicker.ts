/**
 * Adapter: the template picker's entries, built from the catalogue's listing. Broken templates are
 * listed too, with the reason, so the user sees why one is missing.
 */
import * as vscode from 'vscode';
import { type InsertableTemplate, TEAM_TEMPLATE_MAX_BYTES, type TeamTemplateError } from '../templates';
import { errorText } from './planMessages';
import { type TemplateListing } from './templateCatalogue';

/** An entry of the template picker; `broken` ones are listed so the user sees why they are skipped. */
export interface TemplateChoice extends vscode.QuickPickItem {
  readonly template?: InsertableTemplate;
  /** Set on a template that cannot be used: the file and why. */
  readonly broken?: { readonly fileName: string; readonly problem: string };
}

/** Shows the template picker; tests pass a function that picks without UI. */
export type TemplatePicker = (choices: readonly TemplateChoice[], placeHolder: string) => Thenable<TemplateChoice | undefined>;

export const quickPickTemplate: TemplatePicker = (choices, placeHolder) =>
  vscode.window.showQuickPick(choices, { placeHolder, matchOnDescription: true, matchOnDetail: true });

export function templateChoices(listing: TemplateListing): TemplateChoice[] {
  const builtIns = listing.builtIn.map(
    (result): TemplateChoice =>
      result.ok
        ? { label: result.template.name, detail: result.template.description, template: result.template }
        : brokenChoice(result.fileName, errorText(result.error)),
  );
  if (listing.team.length === 0) {
    return builtIns;
  }
  const teamChoices = listing.team.map(
    (result): TemplateChoice =>
      result.ok
        ? {
            label: result.template.name,
            description: result.template.fileName,
            ...(result.template.description ? { detail: result.template.description } : {}),
            template: result.template,
          }
        : brokenChoice(result.fileName, teamErrorText(result.error)),
  );
  const separator: TemplateChoice = {
    label: vscode.l10n.t('Team templates (.collab/templates)'),
    kind: vscode.QuickPickItemKind.Separator,
  };
  return [...builtIns, separator, ...teamChoices];
}

function brokenChoice(fileName: string, problem: string): TemplateChoice {
  return {
    label: `$(warning) ${fileName}`,
    description: vscode.l10n.t('cannot be used'),
    detail: problem,
    broken: { fileName, problem },
  };
}

function teamErrorText(error: TeamTemplateError): string {
  switch (error.code) {
    case 'too-large':
      return vscode.l10n.t('the file is larger than {0} KB', TEAM_TEMPLATE_MAX_BYTES / 1024);
    case 'binary':
      return vscode.l10n.t('the file is not text');
    case 'not-utf8':
      return vscode.l10n.t('the file is not UTF-8 text');
    case 'no-front-matter':
      return vscode.l10n.t('the file must start with front matter (a "---" line, "name: …", a closing "---" line)');
    case 'unclosed-front-matter':
      return vscode.l10n.t('the front matter has no closing "---" line');
    case 'bad-front-matter-line':
      return vscode.l10n.t('front matter line {0} is not "key: value"', error.line ?? 1);
    case 'missing-name':
      return vscode.l10n.t('the front matter has no "name"');
    case 'bad-format':
      return vscode.l10n.t('"format" must be "snippet" or "text"');
    case 'empty-body':
      return vscode.l10n.t('the template has no text after the front matter');
    case 'unreadable':
      return vscode.l10n.t('the file could not be read');
  }
}
