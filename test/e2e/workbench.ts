// Drives code-server's workbench in Debian's Chromium the way a person does: clicks, keys, reading
// what is on screen. Shared by the end-to-end specs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type Frame, type FrameLocator, type Locator, type Page, chromium } from 'playwright-core';

export const EXTENSION_ID = 'qianjinshe.collab-coach';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the end-to-end layer with \`npm run test:e2e\``);
  }
  return value;
}

export interface Workbench {
  readonly page: Page;
  readonly folder: string;
  close(): Promise<void>;
  runCommand(title: string): Promise<void>;
  /** Opens a workspace file by Quick Open (Ctrl+P) and waits until the editor shows `firstText`. */
  openFile(name: string, firstText: string): Promise<void>;
  statusTip(): Locator;
  /** The lesson page inside the sidebar view or the editor panel. */
  lessonFrame(placement: 'view' | 'panel'): FrameLocator;
  openCollabCoachContainer(): Promise<void>;
  screenshot(name: string): Promise<string>;
  notificationTexts(): Promise<string[]>;
  /** The lesson page's own frame (for evaluating in it), once it shows the lesson. */
  lessonContentFrame(placement: 'view' | 'panel'): Promise<Frame>;
  /** Opens the command palette, pressing F1 again while a webview that is still loading swallows the key. */
  openCommandPalette(): Promise<Locator>;
  /** Picks a colour theme by its name in "Preferences: Color Theme" and waits for the workbench to wear it. */
  pickColorTheme(name: string, workbenchClass: 'vs' | 'vs-dark' | 'hc-black' | 'hc-light'): Promise<void>;
}

function webviewSelector(placement: 'view' | 'panel'): string {
  const purpose = placement === 'view' ? '[src*="purpose=webviewView"]' : ':not([src*="purpose=webviewView"])';
  return `iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]${purpose}`;
}

/** Clicks the quick-input row whose label is `label` (not merely contains it), once it is listed. */
async function clickQuickInputRow(page: Page, label: RegExp): Promise<void> {
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: label }) }).first();
  await row.waitFor({ timeout: 15000 });
  await row.click();
}

/** Opens the workbench; `restricted` opens the second one, whose folder is not trusted. */
export async function openWorkbench(options: { restricted?: boolean } = {}): Promise<Workbench> {
  const url = requiredEnv(options.restricted ? 'COLLAB_COACH_E2E_RESTRICTED_URL' : 'COLLAB_COACH_E2E_URL');
  const folder = requiredEnv(options.restricted ? 'COLLAB_COACH_E2E_RESTRICTED_FOLDER' : 'COLLAB_COACH_E2E_FOLDER');
  const screenshots = requiredEnv('COLLAB_COACH_SCREENSHOTS');
  fs.mkdirSync(screenshots, { recursive: true });

  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (error) => console.log(`    [page error] ${String(error).slice(0, 200)}`));
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  // The extension is active once its status-bar tip is there; before that the palette may not list its commands yet.
  await page.locator(`[id="${EXTENSION_ID}.collabCoach.tip"]`).waitFor({ timeout: 90000 });

  const workbench: Workbench = {
    page,
    folder,
    async close() {
      await browser.close();
    },
    async runCommand(title) {
      // F1 opens the palette wherever focus is (a click first would move the editor cursor).
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(`>${title}`);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
    },
    async openFile(name, firstText) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(name);
      await clickQuickInputRow(page, new RegExp(`^${name}$`));
      await page.locator('.editor-instance .view-line', { hasText: firstText }).first().waitFor({ timeout: 30000 });
    },
    statusTip() {
      return page.locator(`[id="${EXTENSION_ID}.collabCoach.tip"]`);
    },
    lessonFrame(placement) {
      return page.frameLocator(webviewSelector(placement)).frameLocator('iframe#active-frame');
    },
    async lessonContentFrame(placement) {
      // The page paints the lesson's title block first and the sections a frame later: wait for all of it.
      await workbench.lessonFrame(placement).locator('main#lesson[aria-busy="false"] h1').waitFor({ timeout: 60000 });
      const host = await (await page.locator(webviewSelector(placement)).first().elementHandle())?.contentFrame();
      const content = await (await host?.locator('iframe#active-frame').elementHandle())?.contentFrame();
      if (!content) {
        throw new Error(`no lesson frame in the ${placement}`);
      }
      return content;
    },
    async openCommandPalette() {
      const input = page.locator('.quick-input-widget input').first();
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('F1');
        try {
          await input.waitFor({ state: 'visible', timeout: 2500 });
          return input;
        } catch (error) {
          if (attempt >= 4) {
            throw error;
          }
        }
      }
    },
    async pickColorTheme(name, workbenchClass) {
      // A webview still loading may take the focus back and close the palette: open it again then.
      let input = await workbench.openCommandPalette();
      for (let attempt = 1; ; attempt++) {
        try {
          await input.fill('>Preferences: Color Theme', { timeout: 5000 });
          break;
        } catch (error) {
          if (attempt >= 4) {
            throw error;
          }
          input = await workbench.openCommandPalette();
        }
      }
      // Exactly that command: "Browse Color Themes in Marketplace" may be listed first, and needs the network.
      await clickQuickInputRow(page, /^Preferences: Color Theme$/);
      // The theme picker, not the palette still closing: its input asks for a colour theme.
      await page
        .locator('.quick-input-widget input[placeholder*="Color Theme"], .quick-input-widget input[aria-label*="Color Theme"]')
        .first()
        .waitFor({ timeout: 15000 })
        .catch(async (error: unknown) => {
          const shown = await page.locator('.quick-input-widget').innerText().catch(() => '(no quick input)');
          await workbench.screenshot('theme-picker-not-shown');
          throw new Error(`${String(error)}\nquick input showed: ${shown.slice(0, 500)}`);
        });
      await input.fill(name);
      await clickQuickInputRow(page, new RegExp(`^${name}$`));
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
      await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 15000 });
    },
    async openCollabCoachContainer() {
      // The item, not its label: a badge (plans needing attention) sits over the label.
      await page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Collab Coach"]') }).first().click();
    },
    async screenshot(name) {
      const file = path.join(screenshots, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async notificationTexts() {
      await workbench.runCommand('Notifications: Show Notifications');
      const items = page.locator('.notifications-center .notification-list-item');
      await items.first().waitFor({ timeout: 10000 }).catch(() => undefined);
      const texts = await items.allInnerTexts();
      await workbench.runCommand('Notifications: Clear All Notifications');
      return texts;
    },
  };
  return workbench;
}
