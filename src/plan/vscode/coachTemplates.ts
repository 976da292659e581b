/**
 * The templates as the coach needs them, from the one template catalogue it shares with Insert and
 * New Plan: what they ask (for the plan model) and the full plan per language (for inserting a
 * missing section). Read once, on first use; a template that fails to load is left out (the
 * catalogue logs why).
 */
import type { ContentLanguage } from '../../content/language';
import { type TemplateKnowledge, templateKnowledge } from '../templateKnowledge';
import type { PlanTemplate } from '../templates';
import type { TemplateCatalogue } from './templateCatalogue';

export interface LoadedTemplates {
  readonly knowledge: TemplateKnowledge;
  readonly fullPlans: ReadonlyMap<ContentLanguage, PlanTemplate>;
}

export class CoachTemplates {
  private loading: Promise<LoadedTemplates> | undefined;
  private loaded: LoadedTemplates | undefined;

  constructor(private readonly catalogue: Pick<TemplateCatalogue, 'everyBuiltIn' | 'fullPlans'>) {}

  load(): Promise<LoadedTemplates> {
    this.loading ??= Promise.all([this.catalogue.everyBuiltIn(), this.catalogue.fullPlans()]).then(
      ([templates, fullPlans]) => (this.loaded = { knowledge: templateKnowledge(templates), fullPlans }),
    );
    return this.loading;
  }

  /** The full plan in a language (or any language), once loaded. */
  fullPlan(language: ContentLanguage): PlanTemplate | undefined {
    return this.loaded?.fullPlans.get(language) ?? this.loaded?.fullPlans.values().next().value;
  }
}
