import { type Tip, tipsForSection } from '../content/tips';

/**
 * Which tip to show on which day: pure functions of the local calendar date, so every window on a
 * machine shows the same tip and the answer never depends on the clock's time of day or on DST.
 */

const MS_PER_DAY = 86_400_000;

/**
 * Days from 1970-01-01 to the LOCAL calendar date of `date`. Built from the local y/m/d through
 * Date.UTC, so a 23- or 25-hour DST day still counts as exactly one day.
 */
export function localDayNumber(date: Date): number {
  assertValidDate(date);
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY);
}

/**
 * Index of the tip for `date`'s local calendar day among `count` tips. Consecutive days take
 * consecutive indices, so the list is walked in order and no tip repeats before all have shown.
 */
export function tipIndexForDate(date: Date, count: number): number {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`tip count must be a positive integer, got ${count}`);
  }
  return positiveModulo(localDayNumber(date), count);
}

/** Milliseconds from `now` to the start of the next local calendar day; always > 0. */
export function msUntilNextLocalMidnight(now: Date): number {
  assertValidDate(now);
  // The Date constructor rolls day 32 into the next month and normalises DST gaps for us.
  const nextMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return nextMidnight.getTime() - now.getTime();
}

/** The local calendar date as `YYYY-MM-DD`, e.g. `2026-11-27`. */
export function localDayKey(date: Date): string {
  assertValidDate(date);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${month}-${day}`;
}

/** What "Next tip" remembers: how many tips the user skipped on one day. */
export interface NextTipState {
  readonly day: string;
  readonly offset: number;
}

/**
 * The skip count that applies on `dayKey`: the stored one if it was saved that day, else 0.
 * `stored` comes from persisted state, so anything malformed also reads as 0.
 */
export function offsetForDay(stored: unknown, dayKey: string): number {
  if (typeof stored !== 'object' || stored === null) {
    return 0;
  }
  const { day, offset } = stored as Partial<Record<keyof NextTipState, unknown>>;
  return day === dayKey && typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : 0;
}

/** `index` moved on by `offset` places in a list of `count`, wrapping round. */
export function advanceIndex(index: number, offset: number, count: number): number {
  return positiveModulo(index + offset, count);
}

function positiveModulo(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError('invalid date');
  }
}

/** The tip for `date` after the user skipped `offset` tips that day; undefined for an empty list. */
export function dailyTip<T>(tips: readonly T[], date: Date, offset = 0): T | undefined {
  return tips.length === 0 ? undefined : tips[advanceIndex(tipIndexForDate(date, tips.length), offset, tips.length)];
}

/**
 * A tip tied to `sectionId` for `date`: the section's tips take turns day by day. Undefined when
 * the section has no tips.
 */
export function sectionTipForDate(tips: readonly Tip[], sectionId: string, date: Date): Tip | undefined {
  return dailyTip(tipsForSection(tips, sectionId), date);
}
