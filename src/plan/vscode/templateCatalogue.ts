/**
 * Adapter: every template a plan command or the coach can use. The built-in templates are read
 * and parsed once per language; team templates (`.collab/templates/*.md`) are read from the
 * workspace each time they are listed, so an edited team template is picked up at once.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import { type Log } from '../../base/log';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../content/language';
import { readContentText } from '../../content/vscode/contentFiles';
import {
  BUILT_IN_TEMPLATE_IDS,
  type BuiltInTemplateId,
  type PlanTemplate,
  TEAM_TEMPLATE_MAX_BYTES,
  type TeamTemplate,
  type TeamTemplateResult,
  builtInTemplateFileName,
  parsePlanTemplate,
  parseTeamTemplate,
} from '../templates';

/** A built-in template as listed: loaded, or the file and why it could not be. */
export type BuiltInTemplateResult =
  | { readonly ok: true; readonly template: PlanTemplate }
  | { readonly ok: false; readonly fileName: string; readonly error: unknown };

/** Every template offered in one language: the built-in ones in picker order, then the team's. */
export interface TemplateListing {
  readonly builtIn: readonly BuiltInTemplateResult[];
  readonly team: readonly TeamTemplateResult[];
}

const TEAM_TEMPLATE_FOLDER = ['.collab', 'templates'] as const;
/** Enough for any real team; keeps a pathological folder from flooding the picker. */
const MAX_TEAM_TEMPLATES = 200;

export class TemplateCatalogue extends Disposable {
  /** Per file name; a failed read is forgotten so the next use tries again. */
  private readonly builtIns = new Map<string, Promise<PlanTemplate>>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {
    super();
  }

  override dispose(): void {
    this.builtIns.clear();
    super.dispose();
  }

  /** One built-in template; rejects (and logs) when its file cannot be read or parsed. */
  builtIn(id: BuiltInTemplateId, language: ContentLanguage): Promise<PlanTemplate> {
    const fileName = builtInTemplateFileName(id, language);
    let loading = this.builtIns.get(fileName);
    if (!loading) {
      loading = readContentText(this.extensionUri, 'templates', fileName).then((text) => parsePlanTemplate(id, language, text));
      this.builtIns.set(fileName, loading);
      loading.catch((error: unknown) => {
        this.builtIns.delete(fileName);
        this.log.error(`Could not load the built-in template ${fileName}.`, error);
      });
    }
    return loading;
  }

  /** The templates offered in `language`: built-in ones (loaded or failed) and the team's. */
  async all(language: ContentLanguage): Promise<TemplateListing> {
    const builtIn = await Promise.all(
      BUILT_IN_TEMPLATE_IDS.map(async (id): Promise<BuiltInTemplateResult> => {
        try {
          return { ok: true, template: await this.builtIn(id, language) };
        } catch (error) {
          return { ok: false, fileName: builtInTemplateFileName(id, language), error };
        }
      }),
    );
    return { builtIn, team: await this.team() };
  }

  /** The full plan in every language that loads (the coach's model of a complete plan). */
  async fullPlans(): Promise<ReadonlyMap<ContentLanguage, PlanTemplate>> {
    const plans = new Map<ContentLanguage, PlanTemplate>();
    for (const template of await this.everyBuiltIn()) {
      if (template.id === 'full-plan') {
        plans.set(template.language, template);
      }
    }
    return plans;
  }

  /** Every built-in template in every language; one that fails to load is left out (and logged). */
  async everyBuiltIn(): Promise<PlanTemplate[]> {
    const loads = CONTENT_LANGUAGES.flatMap((language) =>
      BUILT_IN_TEMPLATE_IDS.map((id) => this.builtIn(id, language).then(
        (template): PlanTemplate | undefined => template,
        () => undefined,
      )),
    );
    return (await Promise.all(loads)).filter((template): template is PlanTemplate => template !== undefined);
  }

  /** A team template by its id (`team:<folder>/<file>`), if it exists and is usable. */
  async teamTemplate(id: string): Promise<TeamTemplate | undefined> {
    const match = (await this.team()).find((result) => result.ok && result.template.id === id);
    return match?.ok ? match.template : undefined;
  }

  /**
   * Team templates are the workspace's own text, offered for insertion: only in a trusted
   * workspace (as package.json's untrustedWorkspaces declares).
   */
  async team(): Promise<TeamTemplateResult[]> {
    if (!vscode.workspace.isTrusted) {
      return [];
    }
    const results: TeamTemplateResult[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const directory = vscode.Uri.joinPath(folder.uri, ...TEAM_TEMPLATE_FOLDER);
      for (const fileName of await markdownFileNames(directory)) {
        if (results.length >= MAX_TEAM_TEMPLATES) {
          this.log.warn(`Only the first ${MAX_TEAM_TEMPLATES} team templates are offered.`);
          return results;
        }
        results.push(await this.teamTemplateFile(folder, directory, fileName));
      }
    }
    return results;
  }

  private async teamTemplateFile(folder: vscode.WorkspaceFolder, directory: vscode.Uri, fileName: string): Promise<TeamTemplateResult> {
    const uri = vscode.Uri.joinPath(directory, fileName);
    try {
      // Check the size before reading so a huge file is never loaded.
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > TEAM_TEMPLATE_MAX_BYTES) {
        return { ok: false, fileName, error: { code: 'too-large' } };
      }
      return parseTeamTemplate(folder.name, fileName, await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      this.log.error(`Could not read the team template ${uri.toString(true)}.`, error);
      return { ok: false, fileName, error: { code: 'unreadable' } };
    }
  }
}

/** The `.md` files of a folder, sorted; none when the folder does not exist. */
async function markdownFileNames(directory: vscode.Uri): Promise<string[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(directory);
  } catch {
    return []; // No team templates in this folder.
  }
  return entries
    .filter(([name, type]) => (type & vscode.FileType.File) !== 0 && name.toLowerCase().endsWith('.md'))
    .map(([name]) => name)
    .sort((a, b) => a.localeCompare(b));
}
