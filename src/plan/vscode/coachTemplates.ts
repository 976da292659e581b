/**
 * The built-in templates as the coach needs them: what they ask (for the plan model) and the full
 * plan per language (for inserting a missing section). Read once, on first use; a file that fails
 * to load is left out, with a line in the log.
 */
import type * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../content/language';
import { readContentText } from '../../content/vscode/contentFiles';
import { type TemplateKnowledge, templateKnowledge } from '../templateKnowledge';
import { BUILT_IN_TEMPLATE_IDS, builtInTemplateFileName, parsePlanTemplate, type PlanTemplate } from '../templates';

export interface LoadedTemplates {
  readonly knowledge: TemplateKnowledge;
  readonly fullPlans: ReadonlyMap<ContentLanguage, PlanTemplate>;
}

export class CoachTemplates {
  private loading: Promise<LoadedTemplates> | undefined;
  private loaded: LoadedTemplates | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {}

  load(): Promise<LoadedTemplates> {
    this.loading ??= this.read().then((templates) => (this.loaded = templates));
    return this.loading;
  }

  /** The full plan in a language (or any language), once loaded. */
  fullPlan(language: ContentLanguage): PlanTemplate | undefined {
    return this.loaded?.fullPlans.get(language) ?? this.loaded?.fullPlans.values().next().value;
  }

  private async read(): Promise<LoadedTemplates> {
    const loads = CONTENT_LANGUAGES.flatMap((language) =>
      BUILT_IN_TEMPLATE_IDS.map(async (id): Promise<PlanTemplate | undefined> => {
        const fileName = builtInTemplateFileName(id, language);
        try {
          return parsePlanTemplate(id, language, await readContentText(this.extensionUri, 'templates', fileName));
        } catch (error: unknown) {
          this.log.error(`Could not load the template ${fileName}; the plan check knows its questions less well.`, error);
          return undefined;
        }
      }),
    );
    const templates = (await Promise.all(loads)).filter((template): template is PlanTemplate => template !== undefined);
    const fullPlans = new Map<ContentLanguage, PlanTemplate>();
    for (const template of templates) {
      if (template.id === 'full-plan') {
        fullPlans.set(template.language, template);
      }
    }
    return { knowledge: templateKnowledge(templates), fullPlans };
  }
}
