import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTENT_LANGUAGES } from '../../src/content/language';
import { LESSON_SECTION_IDS } from '../../src/content/sections';
import { codePointLength, parseTips, type Tip, TIP_SHORT_MAX_LENGTH, tipText } from '../../src/content/tips';
import {
  advanceIndex,
  dailyTip,
  localDayKey,
  localDayNumber,
  msUntilNextLocalMidnight,
  offsetForDay,
  sectionTipForDate,
  tipIndexForDate,
} from '../../src/tips/schedule';
import { SECTION_TITLES } from '../../src/tips/sectionTitles';

const HOUR = 3_600_000;

function readRepoFile(...segments: string[]): string {
  return fs.readFileSync(path.join(process.cwd(), ...segments), 'utf8');
}

function loadShippedTips(): Tip[] {
  return parseTips(JSON.parse(readRepoFile('content', 'tips.json')));
}

/**
 * Runs the suite's tests with the process in `zone`. Node re-reads TZ whenever it is assigned, so
 * local-date code sees that zone; the machine's own zone comes back afterwards.
 */
function inTimeZone(zone: string, body: () => void): void {
  describe(`in time zone ${zone}`, () => {
    let saved: string | undefined;
    before(() => {
      saved = process.env['TZ'];
      process.env['TZ'] = zone;
    });
    after(() => {
      if (saved === undefined) {
        delete process.env['TZ'];
      } else {
        process.env['TZ'] = saved;
      }
    });
    body();
  });
}

/** Zones either side of UTC, with and without DST, northern and southern, and one whose DST starts at midnight. */
const TIME_ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/New_York',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'America/Santiago',
];

describe('tip schedule', () => {
  const COUNT = 37; // any list length; the schedule does not depend on the content

  for (const zone of TIME_ZONES) {
    inTimeZone(zone, () => {
      it('gives the same tip for every moment of one local day', () => {
        const first = tipIndexForDate(new Date(2026, 10, 27, 0, 0, 0, 0), COUNT);
        assert.equal(tipIndexForDate(new Date(2026, 10, 27, 0, 0, 0, 0), COUNT), first);
        assert.equal(tipIndexForDate(new Date(2026, 10, 27, 9, 30), COUNT), first);
        assert.equal(tipIndexForDate(new Date(2026, 10, 27, 23, 59, 59, 999), COUNT), first);
      });

      it('moves to the next tip at local midnight', () => {
        const lastSecond = tipIndexForDate(new Date(2026, 10, 27, 23, 59, 59), COUNT);
        const midnight = tipIndexForDate(new Date(2026, 10, 28, 0, 0, 0), COUNT);
        assert.equal(midnight, advanceIndex(lastSecond, 1, COUNT));
      });

      it('shows every tip once before any repeats', () => {
        const start = new Date(2026, 10, 27, 12);
        const seen = new Set<number>();
        for (let day = 0; day < COUNT; day++) {
          seen.add(tipIndexForDate(new Date(start.getFullYear(), start.getMonth(), start.getDate() + day, 12), COUNT));
        }
        assert.equal(seen.size, COUNT);
        const nextCycle = new Date(start.getFullYear(), start.getMonth(), start.getDate() + COUNT, 12);
        assert.equal(tipIndexForDate(nextCycle, COUNT), tipIndexForDate(start, COUNT));
      });

      it('advances by exactly one across a year end', () => {
        const lastDay = tipIndexForDate(new Date(2026, 11, 31, 23, 59, 59), COUNT);
        assert.equal(tipIndexForDate(new Date(2027, 0, 1, 0, 0, 0), COUNT), advanceIndex(lastDay, 1, COUNT));
      });

      it('advances by exactly one through a leap day', () => {
        const feb28 = tipIndexForDate(new Date(2028, 1, 28, 18), COUNT);
        const feb29 = tipIndexForDate(new Date(2028, 1, 29, 8), COUNT);
        const mar1 = tipIndexForDate(new Date(2028, 2, 1, 0, 0, 1), COUNT);
        assert.equal(feb29, advanceIndex(feb28, 1, COUNT));
        assert.equal(mar1, advanceIndex(feb29, 1, COUNT));
      });

      it('counts every day of a year as one day, DST days included', () => {
        for (let day = 0; day < 366; day++) {
          const today = localDayNumber(new Date(2026, 0, 1 + day, 12));
          const tomorrow = localDayNumber(new Date(2026, 0, 2 + day, 0, 30));
          assert.equal(tomorrow - today, 1, `after ${localDayKey(new Date(2026, 0, 1 + day, 12))}`);
        }
      });

      it('times the midnight timer to the first moment of the next local day', () => {
        // Every 7 hours through a year: lands at all hours of the day and on every DST change.
        for (let time = new Date(2026, 0, 1).getTime(); time < new Date(2027, 0, 1).getTime(); time += 7 * HOUR) {
          const now = new Date(time);
          const wait = msUntilNextLocalMidnight(now);
          assert.ok(wait > 0 && wait <= 25 * HOUR, `wait ${wait} ms from ${now.toString()}`);
          assert.equal(localDayKey(new Date(time + wait - 1)), localDayKey(now), `still today: ${now.toString()}`);
          assert.notEqual(localDayKey(new Date(time + wait)), localDayKey(now), `tomorrow: ${now.toString()}`);
        }
      });
    });
  }

  inTimeZone('America/New_York', () => {
    it('waits 23 hours on the spring-forward day and 25 on the fall-back day', () => {
      assert.equal(msUntilNextLocalMidnight(new Date(2026, 2, 8)), 23 * HOUR);
      assert.equal(msUntilNextLocalMidnight(new Date(2026, 10, 1)), 25 * HOUR);
      assert.equal(msUntilNextLocalMidnight(new Date(2026, 2, 9)), 24 * HOUR);
    });
  });

  inTimeZone('Asia/Shanghai', () => {
    it('uses the local date, not the UTC one', () => {
      // 00:30 in Shanghai is still the previous day in UTC.
      const earlyMorning = new Date(2026, 10, 27, 0, 30);
      assert.equal(earlyMorning.getUTCDate(), 26);
      assert.equal(localDayKey(earlyMorning), '2026-11-27');
      assert.equal(tipIndexForDate(earlyMorning, COUNT), tipIndexForDate(new Date(2026, 10, 27, 23, 30), COUNT));
    });
  });

  it('waits the rest of the day until midnight', () => {
    assert.equal(msUntilNextLocalMidnight(new Date(2026, 10, 27, 23, 59, 59)), 1000);
    assert.equal(msUntilNextLocalMidnight(new Date(2026, 10, 27, 0, 0, 0)), 24 * HOUR);
    assert.equal(msUntilNextLocalMidnight(new Date(2026, 10, 27, 18, 0, 0)), 6 * HOUR);
  });

  it('writes the local day as YYYY-MM-DD', () => {
    assert.equal(localDayKey(new Date(2026, 10, 27, 15)), '2026-11-27');
    assert.equal(localDayKey(new Date(2027, 0, 5)), '2027-01-05');
    assert.equal(localDayKey(new Date(2028, 1, 29, 23, 59)), '2028-02-29');
  });

  it('rejects a tip count that is not a positive integer, and an invalid date', () => {
    const day = new Date(2026, 10, 27);
    for (const count of [0, -3, 1.5, Number.NaN]) {
      assert.throws(() => tipIndexForDate(day, count), RangeError);
    }
    assert.throws(() => tipIndexForDate(new Date(Number.NaN), 5), /invalid date/);
    assert.throws(() => msUntilNextLocalMidnight(new Date('not a date')), /invalid date/);
  });

  it('keeps a "next tip" offset for the day it was saved only', () => {
    assert.equal(offsetForDay({ day: '2026-11-27', offset: 3 }, '2026-11-27'), 3);
    assert.equal(offsetForDay({ day: '2026-11-26', offset: 3 }, '2026-11-27'), 0);
    for (const malformed of [undefined, null, 7, 'x', {}, { day: '2026-11-27' }, { day: '2026-11-27', offset: -1 }]) {
      assert.equal(offsetForDay(malformed, '2026-11-27'), 0, JSON.stringify(malformed));
    }
    assert.equal(offsetForDay({ day: '2026-11-27', offset: 1.5 }, '2026-11-27'), 0);
  });

  it('skips ahead by the offset and wraps round the list', () => {
    const letters = ['a', 'b', 'c'];
    const day = new Date(2026, 10, 27);
    const index = tipIndexForDate(day, letters.length);
    assert.equal(dailyTip(letters, day), letters[index]);
    assert.equal(dailyTip(letters, day, 1), letters[(index + 1) % 3]);
    assert.equal(dailyTip(letters, day, 3), letters[index]);
    assert.equal(dailyTip([], day), undefined);
  });

  it('picks a section tip among that section\'s tips, taking turns by day', () => {
    const tips = loadShippedTips();
    const financeIds = tips.filter((tip) => tip.section === 'example-finance').map((tip) => tip.id);
    const picked = new Set<string>();
    for (let day = 0; day < financeIds.length; day++) {
      const tip = sectionTipForDate(tips, 'example-finance', new Date(2026, 10, 27 + day));
      assert.ok(tip !== undefined && financeIds.includes(tip.id));
      picked.add(tip.id);
    }
    assert.equal(picked.size, financeIds.length);
    assert.equal(sectionTipForDate(tips, 'no-such-section', new Date()), undefined);
  });
});

describe('tips content', () => {
  const tips = loadShippedTips();

  it('has at least 31 tips, one per day of the longest month', () => {
    assert.ok(tips.length >= 31, `only ${tips.length} tips`);
  });

  it('gives every tip a unique id', () => {
    assert.equal(new Set(tips.map((tip) => tip.id)).size, tips.length);
  });

  it('writes every tip in both languages', () => {
    for (const tip of tips) {
      for (const language of CONTENT_LANGUAGES) {
        const { short, long } = tipText(tip, language);
        assert.ok(short.trim().length > 0 && long.trim().length > 0, `${tip.id} ${language}`);
      }
    }
  });

  it('keeps the short text short enough for the status bar', () => {
    assert.equal(TIP_SHORT_MAX_LENGTH['zh-cn'], 24);
    assert.equal(TIP_SHORT_MAX_LENGTH.en, 48);
    for (const tip of tips) {
      assert.ok(codePointLength(tip['zh-cn'].short) <= 24, `${tip.id}: ${tip['zh-cn'].short}`);
      assert.ok(codePointLength(tip.en.short) <= 48, `${tip.id}: ${tip.en.short}`);
    }
  });

  it('keeps the long text to one to three sentences', () => {
    for (const tip of tips) {
      const chinese = tip['zh-cn'].long.match(/[。！？]/g)?.length ?? 0;
      const english = tip.en.long.match(/[.!?](?=\s|$)/g)?.length ?? 0;
      assert.ok(chinese >= 1 && chinese <= 3, `${tip.id} zh-cn has ${chinese} sentences`);
      assert.ok(english >= 1 && english <= 3, `${tip.id} en has ${english} sentences`);
    }
  });

  it('ties every tip to a lesson section, and every section has a tip', () => {
    const sections = new Set<string>(LESSON_SECTION_IDS);
    for (const tip of tips) {
      assert.ok(sections.has(tip.section), `${tip.id}: ${tip.section}`);
    }
    for (const section of LESSON_SECTION_IDS) {
      assert.ok(
        tips.some((tip) => tip.section === section),
        `no tip for ${section}`,
      );
    }
  });

  it('names each section as the lesson heads it', () => {
    for (const language of CONTENT_LANGUAGES) {
      const lesson = readRepoFile('content', 'lesson', `${language}.md`);
      const headings = new Map<string, string>();
      for (const match of lesson.matchAll(/^#{1,6}\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$/gm)) {
        headings.set(match[2] ?? '', match[1] ?? '');
      }
      for (const section of LESSON_SECTION_IDS) {
        assert.equal(SECTION_TITLES[section][language], headings.get(section), `${language} ${section}`);
      }
    }
  });
});

describe('parseTips', () => {
  const valid = {
    id: 'cover-them-first',
    section: 'example-finance',
    'zh-cn': { short: '先让对方能够自保', long: '你需要自保，对方也需要。' },
    en: { short: 'Make sure they can cover themselves first', long: 'You need to cover yourself, and so do they.' },
    lessonPhrase: { 'zh-cn': '先让对方能够自保', en: 'make sure the other side can cover themselves' },
  };

  it('accepts a well-formed list', () => {
    assert.deepEqual(parseTips([valid]), [valid]);
  });

  it('rejects anything but a non-empty array', () => {
    assert.throws(() => parseTips({ tips: [valid] }), /tips\.json: expected an array/);
    assert.throws(() => parseTips([]), /at least one tip/);
  });

  it('names the entry and what is wrong with it', () => {
    const cases: [unknown, RegExp][] = [
      ['just text', /entry 1: expected an object/],
      [{ ...valid, id: 'Not Kebab' }, /entry 1: "id" must be a kebab-case string, got "Not Kebab"/],
      [{ ...valid, section: 'finance' }, /entry 1 \("cover-them-first"\): "section" must be one of .*got "finance"/],
      [{ ...valid, en: undefined }, /entry 1 \("cover-them-first"\): "en" must be an object/],
      [{ ...valid, 'zh-cn': { short: '  ', long: '……' } }, /"zh-cn\.short" must be a non-empty string/],
      [{ ...valid, en: { short: 'Fine', long: 42 } }, /"en\.long" must be a non-empty string/],
      [{ ...valid, en: { short: 'x'.repeat(49), long: 'Too long.' } }, /"en\.short" has 49 characters, at most 48/],
      [{ ...valid, 'zh-cn': { short: '长'.repeat(25), long: '太长。' } }, /"zh-cn\.short" has 25 characters, at most 24/],
      [{ ...valid, lessonPhrase: undefined }, /"lessonPhrase" must be an object with "zh-cn" and "en"/],
      [{ ...valid, lessonPhrase: { 'zh-cn': '自保', en: '' } }, /"lessonPhrase\.en" must be a non-empty string/],
    ];
    for (const [entry, message] of cases) {
      assert.throws(() => parseTips([{ ...valid, id: 'first-tip' }, entry]), message);
    }
  });

  it('rejects a duplicate id', () => {
    assert.throws(() => parseTips([valid, valid]), /entry 1 \("cover-them-first"\): duplicate id/);
  });
});
