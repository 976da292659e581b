/**
 * Lets the host run what waits (messages, commands, file events) before a long piece of work goes
 * on. Node's setImmediate runs after pending I/O without a timer's minimum delay; the web
 * worker host has no setImmediate, so a zero timer stands in.
 */
const scheduleSoon: (callback: () => void) => void =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? (callback) => (globalThis as unknown as { setImmediate(callback: () => void): void }).setImmediate(callback)
    : (callback) => setTimeout(callback, 0);

export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => scheduleSoon(resolve));
}

/** Time a piece of work runs before it yields to the host again. */
export const WORK_SLICE_MS = 12;
