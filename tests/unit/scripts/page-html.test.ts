import { describe, expect, it } from "vitest";
import { SKIP_LINK, localiseFrameworkHtml, localiseFrameworkScript } from "../../../scripts/page-html.js";

const PAGE = `<!DOCTYPE html>
<html lang="id">
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<main id="observablehq-main" class="observablehq"></main>
</body>
</html>`;

describe("localiseFrameworkHtml", () => {
  it("puts the skip link before the sidebar toggle and translates the toggle's title", () => {
    const out = localiseFrameworkHtml(PAGE);
    expect(out.indexOf(SKIP_LINK)).toBeGreaterThan(out.indexOf("<body>"));
    expect(out.indexOf(SKIP_LINK)).toBeLessThan(out.indexOf("observablehq-sidebar-toggle"));
    expect(out).not.toContain("Toggle sidebar");
    expect(out).toContain('title="Buka atau tutup menu halaman"');
  });

  it("is idempotent and refuses a page without <body>", () => {
    const once = localiseFrameworkHtml(PAGE);
    expect(localiseFrameworkHtml(once)).toBe(once);
    expect(() => localiseFrameworkHtml("<html></html>", "x.html")).toThrow("x.html");
  });
});

describe("localiseFrameworkScript", () => {
  it("translates the sidebar toggle title Framework's client sets at run time", () => {
    const client = 'const r=`Toggle sidebar ${mac?"⌘":"Alt-"}B`;';
    expect(localiseFrameworkScript(client)).toBe('const r=`Buka atau tutup menu halaman ${mac?"⌘":"Alt-"}B`;');
    expect(localiseFrameworkScript(localiseFrameworkScript(client))).toBe(localiseFrameworkScript(client));
  });
});
