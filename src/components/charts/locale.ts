// Indonesian number and time formats for Vega: passed to vega-embed (`formatLocale`,
// `timeFormatLocale`) and also written into every spec's `config.locale`, so a spec renders
// "5,51" and "1.300" on its own too (Node SVG export, the Vega editor).
import type { Config } from "vega-lite";
import { MONTHS, MONTHS_LONG, NUMBER_MARKS } from "../core/format.js";

type LocaleConfig = NonNullable<Config["locale"]>;
export type NumberLocale = NonNullable<LocaleConfig["number"]>;
export type TimeLocale = NonNullable<LocaleConfig["time"]>;

/** d3-format locale: the marks of core/format.ts (decimal comma, thousands dot), rupiah prefix ("Rp1.300"). */
export const NUMBER_LOCALE_ID: NumberLocale = {
  decimal: NUMBER_MARKS.decimal,
  thousands: NUMBER_MARKS.thousands,
  grouping: [3],
  currency: ["Rp", ""],
  minus: NUMBER_MARKS.minus
};

/** d3-time-format locale, with the month names of core/format.ts ("Agu", "Okt", "Des"). */
export const TIME_LOCALE_ID: TimeLocale = {
  dateTime: "%A, %e %B %Y pukul %H.%M.%S",
  date: "%d/%m/%Y",
  time: "%H.%M.%S",
  periods: ["AM", "PM"],
  days: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  shortDays: ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
  months: [...MONTHS_LONG],
  shortMonths: [...MONTHS]
};

/** For a Vega-Lite `config.locale`. */
export const LOCALE_ID: LocaleConfig = { number: NUMBER_LOCALE_ID, time: TIME_LOCALE_ID };
