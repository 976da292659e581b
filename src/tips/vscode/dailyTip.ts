import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { readContentText } from '../../content/vscode/contentFiles';
import type { ContentLanguage } from '../../content/language';
import { currentContentLanguage, onDidChangeContentLanguage } from '../../content/vscode/settings';
import { parseTips, type Tip, tipText } from '../../content/tips';
import {
  dailyTip,
  localDayKey,
  msUntilNextLocalMidnight,
  type NextTipState,
  offsetForDay,
  sectionTipForDate,
} from '../schedule';
import { sectionTitle } from '../sectionTitles';

const TIP_ITEM_ID = 'collabCoach.tip';
/** Right-aligned items with a higher priority sit further left; this keeps the tip near the middle. */
const TIP_ITEM_PRIORITY = 50;
const OPEN_LESSON_COMMAND = 'collabCoach.openLesson';
const NEXT_TIP_COMMAND = 'collabCoach.nextTip';
const CONFIG_SECTION = 'collabCoach';
const ENABLED_SETTING = 'tip.enabled';
const NEXT_TIP_STATE_KEY = 'collabCoach.tip.nextTip';

/** What the status-bar item shows right now, for tests. */
export interface TipSnapshot {
  visible: boolean;
  text: string;
  /** The tooltip's Markdown source. */
  tooltip: string;
  tipId: string;
  sectionId: string;
  command: { command: string; arguments: unknown[] } | undefined;
}

export interface DailyTipController {
  /** Settles once content/tips.json has loaded, or failed to (then the item stays hidden). */
  readonly ready: Promise<void>;
  /** The shown tip, or undefined while no tips are loaded. */
  snapshot(): TipSnapshot | undefined;
  /**
   * Shows a tip tied to `sectionId` (the section's tips take turns by day); undefined, or a
   * section without tips, goes back to the daily tip.
   */
  showSectionTip(sectionId: string | undefined): void;
  /** Shows the next tip for the rest of the day (the `collabCoach.nextTip` command). */
  showNextTip(): Promise<void>;
}

/**
 * Adapter: the daily tip in the status bar. Loaded as its own chunk right after activation (see
 * deferredTip.ts); it creates the item and arms the midnight timer, the tips load in the
 * background and the item appears when they arrive.
 */
export function createDailyTip(context: vscode.ExtensionContext, log: Log): DailyTipController {
  const dailyTipItem = new DailyTipItem(context, log);
  context.subscriptions.push(dailyTipItem);
  return dailyTipItem;
}

class DailyTipItem implements DailyTipController, vscode.Disposable {
  readonly ready: Promise<void>;
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private tips: readonly Tip[] = [];
  /** Section whose tips are shown instead of the daily one, if any. */
  private focusedSectionId: string | undefined;
  private nextTipState: unknown;
  private shown: { tip: Tip; day: string; snapshot: TipSnapshot } | undefined;
  private midnightTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
  ) {
    this.item = vscode.window.createStatusBarItem(TIP_ITEM_ID, vscode.StatusBarAlignment.Right, TIP_ITEM_PRIORITY);
    this.item.name = vscode.l10n.t('Collab Coach Tip');
    this.nextTipState = context.globalState.get<unknown>(NEXT_TIP_STATE_KEY);
    this.disposables.push(
      this.item,
      onDidChangeContentLanguage(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${CONFIG_SECTION}.${ENABLED_SETTING}`)) {
          this.render();
        }
      }),
      // A machine that slept through midnight fires the timer late; catch up when the window is used.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused && this.shown !== undefined && this.shown.day !== localDayKey(new Date())) {
          this.render();
          this.armMidnightTimer();
        }
      }),
    );
    this.armMidnightTimer();
    this.ready = this.loadTips();
  }

  snapshot(): TipSnapshot | undefined {
    return this.shown?.snapshot;
  }

  showSectionTip(sectionId: string | undefined): void {
    this.focusedSectionId = sectionId;
    this.render();
  }

  /** Skips to the next daily tip for the rest of today, and remembers that across reloads. */
  async showNextTip(): Promise<void> {
    if (this.tips.length === 0) {
      return;
    }
    const now = new Date();
    const day = localDayKey(now);
    const before = this.shown?.tip;
    let offset = offsetForDay(this.nextTipState, day);
    // After a section tip the next daily tip may be the very tip on show; skip past it.
    do {
      offset = (offset + 1) % this.tips.length;
    } while (this.tips.length > 1 && dailyTip(this.tips, now, offset) === before);
    const state: NextTipState = { day, offset };
    this.nextTipState = state;
    this.focusedSectionId = undefined;
    this.render();
    await this.context.globalState.update(NEXT_TIP_STATE_KEY, state);
  }

  dispose(): void {
    clearTimeout(this.midnightTimer);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }

  private async loadTips(): Promise<void> {
    try {
      this.tips = parseTips(JSON.parse(await readContentText(this.context.extensionUri, 'tips.json')));
    } catch (error: unknown) {
      this.log.error('Could not load content/tips.json; the daily tip stays hidden.', error);
      return;
    }
    this.render();
  }

  private armMidnightTimer(): void {
    clearTimeout(this.midnightTimer);
    this.midnightTimer = setTimeout(() => {
      this.render();
      this.armMidnightTimer();
    }, msUntilNextLocalMidnight(new Date()));
  }

  private render(): void {
    const now = new Date();
    const day = localDayKey(now);
    const sectionTip =
      this.focusedSectionId === undefined ? undefined : sectionTipForDate(this.tips, this.focusedSectionId, now);
    const tip = sectionTip ?? dailyTip(this.tips, now, offsetForDay(this.nextTipState, day));
    if (tip === undefined) {
      this.shown = undefined;
      this.item.hide();
      return;
    }
    const language = currentContentLanguage();
    const { short } = tipText(tip, language);
    const title = sectionTitle(tip.section, language);
    const command = {
      command: OPEN_LESSON_COMMAND,
      title: vscode.l10n.t('Open in lesson'),
      // Opened from the status bar, the lesson must not take the keyboard (a palette opened meanwhile keeps it).
      arguments: [tip.section, { preserveFocus: true }],
    };
    const tooltip = buildTooltip(tip, language, sectionTip !== undefined);
    this.item.text = `$(lightbulb) ${short}`;
    this.item.tooltip = tooltip;
    this.item.command = command;
    // Read instead of the item's text: what the tip says and what pressing it does (the light-bulb
    // icon is not read out); a button, since pressing it opens the lesson.
    this.item.accessibilityInformation = {
      role: 'button',
      label:
        sectionTip === undefined
          ? vscode.l10n.t('Collab Coach tip of the day: "{0}". Press to open the lesson at "{1}".', short, title)
          : vscode.l10n.t('Collab Coach tip for this section: "{0}". Press to open the lesson at "{1}".', short, title),
    };
    const visible = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(ENABLED_SETTING, true) !== false;
    if (visible) {
      this.item.show();
    } else {
      this.item.hide();
    }
    this.shown = {
      tip,
      day,
      snapshot: {
        visible,
        text: this.item.text,
        tooltip: tooltip.value,
        tipId: tip.id,
        sectionId: tip.section,
        command: { command: command.command, arguments: [...command.arguments] },
      },
    };
  }
}

/** The hover: heading, the long text, the section it comes from, and links to the lesson and the next tip. */
function buildTooltip(tip: Tip, language: ContentLanguage, forSection: boolean): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  // Trust only our own two commands, so nothing in the content can run anything else.
  tooltip.isTrusted = { enabledCommands: [OPEN_LESSON_COMMAND, NEXT_TIP_COMMAND] };
  const heading = forSection
    ? vscode.l10n.t('Collab Coach · Tip for this section')
    : vscode.l10n.t('Collab Coach · Tip of the day');
  tooltip.appendMarkdown('$(lightbulb) **');
  tooltip.appendText(heading);
  tooltip.appendMarkdown('**\n\n');
  tooltip.appendText(tipText(tip, language).long);
  tooltip.appendMarkdown('\n\n*');
  tooltip.appendText(vscode.l10n.t('From the lesson: {0}', sectionTitle(tip.section, language)));
  tooltip.appendMarkdown('*\n\n');
  const openArgs = encodeURIComponent(JSON.stringify([tip.section, { preserveFocus: true }]));
  tooltip.appendMarkdown(`[${escapeLinkText(vscode.l10n.t('Open in lesson'))}](command:${OPEN_LESSON_COMMAND}?${openArgs})`);
  tooltip.appendMarkdown(' · ');
  tooltip.appendMarkdown(`[${escapeLinkText(vscode.l10n.t('Next tip'))}](command:${NEXT_TIP_COMMAND})`);
  return tooltip;
}

/** Link text comes from translations; keep brackets in it from closing the link early. */
function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}
