// Edits to the HTML Framework 1.13 writes, which it offers no option for. Pure, tested in Node.

export const SKIP_LINK = '<a class="ts-skip-link" href="#observablehq-main">Langsung ke isi halaman</a>';

/** Framework's English attribute texts and their Indonesian replacements. */
export const FRAMEWORK_TEXT_ID: ReadonlyArray<readonly [string, string]> = [
  ['title="Toggle sidebar"', 'title="Buka atau tutup menu halaman" aria-label="Buka atau tutup menu halaman"']
];

/**
 * A built page with a skip link right after <body> (before the sidebar, so it is the first thing a
 * keyboard reaches) and Framework's English attribute texts in Indonesian. Idempotent.
 */
export function localiseFrameworkHtml(html: string, file = "halaman"): string {
  let out = html;
  if (!out.includes(SKIP_LINK)) {
    if (!/<body[^>]*>/.test(out)) throw new Error(`${file}: tidak ada tag <body> untuk tautan lompat ke isi`);
    out = out.replace(/<body([^>]*)>/, (tag) => `${tag}\n${SKIP_LINK}`);
  }
  for (const [english, indonesian] of FRAMEWORK_TEXT_ID) out = out.replaceAll(english, indonesian);
  return out;
}

/** English texts Framework's client script puts into the page at run time, and their replacements. */
export const FRAMEWORK_SCRIPT_TEXT_ID: ReadonlyArray<readonly [string, string]> = [["`Toggle sidebar ", "`Buka atau tutup menu halaman "]];

/** Every English text of Framework's own that must not survive the post-build step. */
export const FRAMEWORK_ENGLISH = ["Toggle sidebar"] as const;

/** Framework's client script with its run-time English texts in Indonesian. Idempotent. */
export function localiseFrameworkScript(text: string): string {
  let out = text;
  for (const [english, indonesian] of FRAMEWORK_SCRIPT_TEXT_ID) out = out.replaceAll(english, indonesian);
  return out;
}
