/**
 * The workload chart of the Markdown preview (pure): one bar per side, drawn from the effort
 * numbers of the workload table, as an SVG the preview shows right after the table. Colours come
 * from CSS (media/planPreview.css, the preview's theme variables), never from attributes; the
 * size is fixed whatever the numbers; every text is escaped; a text alternative says the same.
 */
import * as previewWords from '../../content/coach/preview.json';
import type { ContentLanguage } from '../content/language';
import type { Side, WorkloadRow } from './planModel';
import { fillMessage } from './ruleMessages';

export interface SideEffort {
  readonly side: Side;
  /** Sum of the effort numbers of the side's rows. */
  readonly effort: number;
}

export interface WorkloadChart {
  readonly sides: readonly [SideEffort, SideEffort];
  /** The text alternative: what a screen reader reads instead of the bars. */
  readonly summary: string;
  readonly title: string;
}

const SIDES: readonly Side[] = ['mine', 'theirs'];
const WIDTH = 400;
const LABEL_WIDTH = 110;
const BAR_SPACE = 220;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;
const PADDING = 8;

/** Each side's effort from the table's rows; undefined when no row of either side has a number. */
export function workloadChart(rows: readonly WorkloadRow[], language: ContentLanguage): WorkloadChart | undefined {
  const [mine, theirs] = SIDES.map((side): SideEffort => {
    const effort = rows.reduce((sum, row) => sum + (row.side === side ? (row.effort ?? 0) : 0), 0);
    return { side, effort };
  }) as [SideEffort, SideEffort];
  const numbered = rows.some((row) => row.side !== undefined && row.effort !== undefined);
  if (!numbered || !Number.isFinite(mine.effort) || !Number.isFinite(theirs.effort)) {
    return undefined;
  }
  const summary = fillMessage(previewWords.chartSummary[language], {
    mine: formatEffort(mine.effort),
    theirs: formatEffort(theirs.effort),
  });
  return { sides: [mine, theirs], summary, title: previewWords.chartTitle[language] };
}

/** At most two decimals, no trailing zeros. */
export function formatEffort(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** The chart as SVG markup; `escape` is the preview engine's own HTML escaping. */
export function workloadChartSvg(chart: WorkloadChart, language: ContentLanguage, escape: (text: string) => string): string {
  const largest = Math.max(...chart.sides.map((side) => side.effort));
  const height = PADDING * 2 + ROW_HEIGHT * chart.sides.length;
  const bars = chart.sides.map((side, index) => {
    const y = PADDING + index * ROW_HEIGHT;
    const length = largest > 0 ? Math.round((side.effort / largest) * BAR_SPACE) : 0;
    const textY = y + BAR_HEIGHT / 2;
    return (
      `<g class="collab-coach-chart-${side.side}">` +
      `<text class="collab-coach-chart-label" x="0" y="${textY}" dominant-baseline="middle">${escape(previewWords.sides[side.side][language])}</text>` +
      `<rect class="collab-coach-chart-bar" x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR_HEIGHT}" rx="2"></rect>` +
      `<text class="collab-coach-chart-value" x="${LABEL_WIDTH + length + 6}" y="${textY}" dominant-baseline="middle">${escape(formatEffort(side.effort))}</text>` +
      '</g>'
    );
  });
  return (
    `<figure class="collab-coach-chart">` +
    `<svg role="img" aria-label="${escape(chart.summary)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escape(chart.title)}</title><desc>${escape(chart.summary)}</desc>${bars.join('')}</svg>` +
    // The same words, seen: the SVG already says them to a screen reader.
    `<figcaption aria-hidden="true">${escape(chart.summary)}</figcaption>` +
    '</figure>\n'
  );
}
