import type * as vscode from 'vscode';

/** The documents a plan can be written in. */
export const PLAN_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];
