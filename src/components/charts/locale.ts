// Indonesian number and time formats for Vega: passed to vega-embed (`formatLocale`,
// `timeFormatLocale`) and also written into every spec's `config.locale`, so a spec renders
// "5,51" and "1.300" on its own too (Node SVG export, the Vega editor).
import type { Config } from "vega-lite";

type LocaleConfig = NonNullable<Config["locale"]>;
export type NumberLocale = NonNullable<LocaleConfig["number"]>;
export type TimeLocale = NonNullable<LocaleConfig["time"]>;

/** d3-format locale: decimal comma, thousands dot, rupiah prefix ("Rp1.300"). */
export const NUMBER_LOCALE_ID: NumberLocale = {
  decimal: ",",
  thousands: ".",
  grouping: [3],
  currency: ["Rp", ""],
  minus: "−"
};

/** d3-time-format locale. Short months match src/components/format.ts ("Agu", "Okt", "Des"). */
export const TIME_LOCALE_ID: TimeLocale = {
  dateTime: "%A, %e %B %Y pukul %H.%M.%S",
  date: "%d/%m/%Y",
  time: "%H.%M.%S",
  periods: ["AM", "PM"],
  days: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  shortDays: ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
  months: [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember"
  ],
  shortMonths: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
};

/** For a Vega-Lite `config.locale`. */
export const LOCALE_ID: LocaleConfig = { number: NUMBER_LOCALE_ID, time: TIME_LOCALE_ID };
