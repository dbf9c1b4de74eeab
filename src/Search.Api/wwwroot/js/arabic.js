// Dates and numbers the Arabic way (Arabic-Indic digits, Egyptian month names), and the periods of the date facet.
// Every date is a plain calendar day "yyyy-MM-dd", handled in UTC so no time zone shifts it.

const locale = 'ar-EG';
const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYearFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat(locale);
const plainNumberFormat = new Intl.NumberFormat(locale, { useGrouping: false });
const millisecondsFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

const utc = (iso) => new Date(`${iso}T00:00:00Z`);
const iso = (date) => date.toISOString().slice(0, 10);
const pad = (n) => String(n).padStart(2, '0');

/** "2021-07-27" → "٢٧ يوليو ٢٠٢١". */
export const formatDay = (day) => dayFormat.format(utc(day));

/** "2021-07" → "يوليو ٢٠٢١". */
const formatMonth = (month) => monthYearFormat.format(utc(`${month}-01`));

/** "2021-07" → "يوليو". */
const monthName = (month) => monthFormat.format(utc(`${month}-01`));

/** 3245 → "٣٬٢٤٥"; years and days without grouping: 2021 → "٢٠٢١". */
export const formatNumber = (n) => numberFormat.format(n);
const formatPlain = (n) => plainNumberFormat.format(n);
export const formatMilliseconds = (ms) => `${millisecondsFormat.format(ms)} ملّي ثانية`;

export const isDay = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(utc(text).getTime()) && iso(utc(text)) === text;

const lastDayOfMonth = (month) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
};

/** The first and last day of a facet bucket key: "2021", "2021-07" or "2021-07-27". */
export function bucketRange(key) {
  if (key.length === 4) return [`${key}-01-01`, `${key}-12-31`];
  if (key.length === 7) return [`${key}-01`, lastDayOfMonth(key)];
  return [key, key];
}

/** The interval whose buckets suit a period: years for all time, months within a few years, days within two months. */
export function intervalFor(from, to) {
  if (!from || !to) return from || to ? 'month' : 'year';
  const days = (utc(to) - utc(from)) / 86400000;
  return days <= 62 ? 'day' : days <= 3 * 366 ? 'month' : 'year';
}

/**
 * A from/to pair as the chip and the facet's path show it: its Arabic label and, for going back
 * up, the enclosing periods of a whole month (its year) or a single day (its year and month).
 */
export function describePeriod(from, to) {
  if (!from && !to) return null;
  if (!from || !to) return { label: from ? `من ${formatDay(from)}` : `حتى ${formatDay(to)}`, parents: [] };
  const [year, month] = [from.slice(0, 4), from.slice(0, 7)];
  if (from === to) return { label: bucketLabel(from), parents: [year, month] };
  if (from === `${month}-01` && to === lastDayOfMonth(month)) return { label: bucketLabel(month), parents: [year] };
  if (from === `${year}-01-01` && to === `${year}-12-31`) return { label: bucketLabel(year), parents: [] };
  return { label: `من ${formatDay(from)} إلى ${formatDay(to)}`, parents: [] };
}

/** The short label under a histogram bar. */
export function barLabel(key) {
  if (key.length === 4) return formatPlain(Number(key));
  if (key.length === 7) return monthName(key);
  return formatPlain(Number(key.slice(8)));
}

/** The full label of a bucket or period key: "2021" → "٢٠٢١", "2021-07" → "يوليو ٢٠٢١", "2021-07-27" → "٢٧ يوليو ٢٠٢١". */
export function bucketLabel(key) {
  if (key.length === 4) return formatPlain(Number(key));
  if (key.length === 7) return formatMonth(key);
  return formatDay(key);
}

const nextKey = (key) => {
  if (key.length === 4) return String(Number(key) + 1);
  if (key.length === 7) {
    const [y, m] = key.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  }
  const date = utc(key);
  date.setUTCDate(date.getUTCDate() + 1);
  return iso(date);
};

const keyOf = (day, interval) => (interval === 'year' ? day.slice(0, 4) : interval === 'month' ? day.slice(0, 7) : day);

/**
 * The buckets with the empty ones between filled in, so the histogram shows time evenly:
 * over the chosen period when there is one (a year shows its 12 months), else from the first
 * bucket to the last. Too long a run (over 400 bars) is left as the service gave it.
 */
export function fillBuckets(buckets, interval, from, to) {
  if (buckets.length === 0) return [];
  const first = from ? keyOf(from, interval) : buckets[0].key;
  const last = to ? keyOf(to, interval) : buckets[buckets.length - 1].key;
  const counts = new Map(buckets.map((b) => [b.key, b.count]));
  const filled = [];
  for (let key = first < buckets[0].key ? first : buckets[0].key; filled.length <= 400; key = nextKey(key)) {
    filled.push({ key, count: counts.get(key) ?? 0 });
    if (key >= last && key >= buckets[buckets.length - 1].key) return filled;
  }
  return buckets;
}
