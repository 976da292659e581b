/**
 * Adapter (a lazily loaded chunk, dist/preview.js): the plan in VS Code's Markdown preview. The
 * Markdown extension calls `extendMarkdownIt` when it builds its engine; only then is this chunk
 * required. The plugin needs what the templates ask, which loads from the shared template
 * catalogue: a plan the preview renders before that is shown plainly, and the preview is
 * refreshed once it is there.
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { planPreviewPlugin } from '../previewPlugin';
import { localIsoDate } from '../slug';
import { type TemplateKnowledge, templateKnowledge } from '../templateKnowledge';
import type { TemplateCatalogue } from './templateCatalogue';

export interface PlanPreviewDependencies {
  /** The one template catalogue, shared with Insert, New Plan and the coach. */
  readonly catalogue: () => Promise<Pick<TemplateCatalogue, 'everyBuiltIn'>>;
  readonly log: Log;
}

/** Adds the plan's decorations to the preview's engine and starts loading what the templates ask. */
export function extendPreview(md: MarkdownIt, deps: PlanPreviewDependencies): MarkdownIt {
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
  return planPreviewPlugin(md, {
    knowledge: () => knowledge,
    today: () => localIsoDate(new Date()),
    onPlanWithoutKnowledge: () => {
      refreshWhenLoaded = true;
    },
  });
}
