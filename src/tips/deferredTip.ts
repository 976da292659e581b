import type { Log } from '../base/log';
import type { DailyTipController, TipSnapshot } from './vscode/dailyTip';

/**
 * Stands in for the daily tip while its chunk loads, just after activation, so activation itself
 * loads no tip code and waits on nothing. Calls made before the tip is there are kept: the last
 * section asked for is shown once it arrives, and "Next tip" waits for it.
 */
export function deferDailyTip(load: () => Promise<DailyTipController>, log: Log): DailyTipController {
  let controller: DailyTipController | undefined;
  let pendingSection: { readonly sectionId: string | undefined } | undefined;
  const loaded: Promise<DailyTipController | undefined> = load().then(
    (loadedController) => {
      controller = loadedController;
      if (pendingSection) {
        loadedController.showSectionTip(pendingSection.sectionId);
      }
      return loadedController;
    },
    (error: unknown) => {
      log.error('The daily tip could not be loaded.', error);
      return undefined;
    },
  );
  return {
    ready: loaded.then((loadedController) => loadedController?.ready),
    snapshot: (): TipSnapshot | undefined => controller?.snapshot(),
    showSectionTip(sectionId) {
      if (controller) {
        controller.showSectionTip(sectionId);
      } else {
        pendingSection = { sectionId };
      }
    },
    async showNextTip() {
      await (await loaded)?.showNextTip();
    },
  };
}
