/**
 * Runs `action` once after `delayMs` of quiet: a burst of triggers (a checkout touching 50 team
 * notes fires 50 file events) becomes one run. Pure: the timer functions are injected, so tests
 * drive time by hand; the adapters pass the global ones.
 */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Debounced {
  trigger(): void;
  /** Cancels a pending run. */
  dispose(): void;
}

export const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export function debounce(action: () => void, delayMs: number, timers: Timers = GLOBAL_TIMERS): Debounced {
  let pending: unknown;
  let armed = false;
  return {
    trigger() {
      if (armed) {
        timers.clearTimeout(pending);
      }
      armed = true;
      pending = timers.setTimeout(() => {
        armed = false;
        action();
      }, delayMs);
    },
    dispose() {
      if (armed) {
        timers.clearTimeout(pending);
        armed = false;
      }
    },
  };
}
