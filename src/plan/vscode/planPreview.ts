/**
 * Adapter (a lazily loaded module, esbuild.js lazyChunks): the plan in VS Code's Markdown preview.
 * `extendMarkdownIt` hooks the engine (previewHook.ts); this module is required when the engine
 * first parses a document that may hold a plan. The decorator needs what the templates ask, which
 * loads from the shared template catalogue: a plan the preview renders before that is shown
 * plainly, and the preview is refreshed once it is there.
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import type { PlanDecorator } from '../previewHook';
import { createPlanDecorator } from '../previewPlugin';
import { localIsoDate } from '../slug';
import { type TemplateKnowledge, templateKnowledge } from '../templateKnowledge';
import type { TemplateCatalogue } from './templateCatalogue';

export interface PlanPreviewDependencies {
  /** The one template catalogue, shared with Insert, New Plan and the coach. */
  readonly catalogue: () => Promise<Pick<TemplateCatalogue, 'everyBuiltIn'>>;
  readonly log: Log;
}

/** The preview engine's plan decorator; starts loading what the templates ask. */
export function createPreviewDecorator(md: MarkdownIt, deps: PlanPreviewDependencies): PlanDecorator {
  let knowledge: TemplateKnowledge | undefined;
  let refreshWhenLoaded = false;
  const loading = deps
    .catalogue()
    .then((catalogue) => catalogue.everyBuiltIn())
    .then((templates) => {
      knowledge = templateKnowledge(templates);
      if (refreshWhenLoaded) {
        // The preview rendered a plan plainly meanwhile: render it again, decorated.
        void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, (error: unknown) => deps.log.error('Could not refresh the Markdown preview.', error));
      }
    });
  loading.catch((error: unknown) => deps.log.error('Could not load the templates for the Markdown preview.', error));
  return createPlanDecorator(md, {
    knowledge: () => knowledge,
    today: () => localIsoDate(new Date()),
    onPlanWithoutKnowledge: () => {
      refreshWhenLoaded = true;
    },
  });
}
