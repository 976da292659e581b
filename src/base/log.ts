/**
 * Where failures go (pure interface, so pure cores can report without 'vscode'). The extension
 * creates one log output channel at activation (src/base/vscode/log.ts) and hands it to every
 * feature; nothing writes to the console.
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** A log that keeps nothing (for pure code called without one). */
export const SILENT_LOG: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The error's message and stack, as one line of text for the log. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.stack ?? `${error.name}: ${error.message}`;
  }
  return String(error);
}
