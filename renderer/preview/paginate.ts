// Breaks measured blocks into pages the way a word processor does with the export's settings:
// every part (letter, report) starts on a new page; paragraphs break between lines, keeping two
// lines on each side (widow and orphan control); headings stay with what follows; table rows never
// split and the header rows repeat on every page. Pure: heights in, fragments out.

export interface ParaItem {
  kind: 'para';
  /** Space above, dropped at the top of a page that this paragraph did not open the part on. */
  before: number;
  /** Space below. */
  after: number;
  lineHeight: number;
  lines: number;
  /** Headings: never the last thing on a page. */
  keepNext: boolean;
  /** A paragraph that may break between its lines. */
  splittable: boolean;
}

export interface TableItem {
  kind: 'table';
  before: number;
  /** Heights of the header rows (repeated on each page) and of the body rows. */
  header: number[];
  rows: number[];
}

export type FlowItem = ParaItem | TableItem;

/** Lines [from, to) of a paragraph, or body rows [from, to) of a table, on one page. */
export interface Fragment {
  item: number;
  from: number;
  to: number;
  /** The space above is kept (false at the top of a continued page). */
  withBefore: boolean;
}

export interface PlannedPage {
  /** Index of the part (section) the page belongs to. */
  part: number;
  fragments: Fragment[];
}

const MIN_LINES = 2;
const sum = (xs: number[], from = 0, to = xs.length) => xs.slice(from, to).reduce((a, b) => a + b, 0);

/** Height that must fit for an item to start on a page: two lines, or the header and one row. */
function minimumStart(it: FlowItem, withBefore: boolean): number {
  const before = withBefore ? it.before : 0;
  if (it.kind === 'table') return before + sum(it.header) + (it.rows[0] ?? 0);
  const lines = it.splittable ? Math.min(it.lines, MIN_LINES) : it.lines;
  return before + lines * it.lineHeight + (lines === it.lines ? it.after : 0);
}

/** Room the items kept with a paragraph need: the whole chain of keep-with-next, then two lines. */
function chainRoom(items: FlowItem[], from: number): number {
  let room = 0;
  for (let j = from; j < items.length; j++) {
    const it = items[j];
    room +=
      it.kind === 'para' && it.keepNext ? it.before + it.lines * it.lineHeight + it.after : minimumStart(it, true);
    if (it.kind !== 'para' || !it.keepNext) break;
  }
  return room;
}

export function paginate(parts: FlowItem[][], pageHeight: number): PlannedPage[] {
  const pages: PlannedPage[] = [];
  // A small tolerance for rounding of measured heights.
  const limit = pageHeight + 0.5;
  parts.forEach((items, part) => {
    let page: PlannedPage = { part, fragments: [] };
    let y = 0;
    const newPage = () => {
      pages.push(page);
      page = { part, fragments: [] };
      y = 0;
    };
    let index = 0;
    for (const it of items) {
      const item = index++;
      const first = () => page.fragments.length === 0;
      const keepBefore = () => !first() || pages.length === 0 || pages[pages.length - 1].part !== part;
      if (it.kind === 'para') {
        let from = 0;
        while (from < it.lines) {
          const withBefore = from === 0 && keepBefore();
          const before = withBefore ? it.before : 0;
          const rest = it.lines - from;
          const whole = before + rest * it.lineHeight + it.after;
          const keepRoom = it.keepNext ? chainRoom(items, item + 1) : 0;
          if (y + whole + keepRoom <= limit || (first() && !it.splittable)) {
            if (!first() && y + whole + keepRoom > limit) newPage();
            page.fragments.push({ item, from, to: it.lines, withBefore });
            y += whole;
            break;
          }
          if (it.splittable && !it.keepNext) {
            let fit = Math.floor((limit - y - before) / it.lineHeight);
            fit = Math.min(fit, rest - MIN_LINES);
            if (fit >= MIN_LINES || (first() && fit >= 1)) {
              page.fragments.push({ item, from, to: from + fit, withBefore });
              from += fit;
              newPage();
              continue;
            }
          }
          if (first()) {
            // Taller than a page: give it the page.
            page.fragments.push({ item, from, to: it.lines, withBefore });
            y += whole;
            break;
          }
          newPage();
        }
        continue;
      }
      // A table: rows never split; the header repeats.
      const head = sum(it.header);
      let from = 0;
      while (from < it.rows.length) {
        const withBefore = from === 0 && keepBefore();
        const before = withBefore ? it.before : 0;
        let to = from;
        let h = y + before + head;
        while (to < it.rows.length && h + it.rows[to] <= limit) h += it.rows[to++];
        if (to === from) {
          if (!first()) {
            newPage();
            continue;
          }
          h += it.rows[to++]; // a row taller than a page
        }
        page.fragments.push({ item, from, to, withBefore });
        y = h;
        from = to;
        if (from < it.rows.length) newPage();
      }
    }
    if (page.fragments.length || !pages.some((p) => p.part === part)) pages.push(page);
  });
  return pages;
}
