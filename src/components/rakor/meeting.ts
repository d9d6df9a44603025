// Meeting mode of /rakor: large type, one topic per screen, keyboard navigation; and the toolbar
// that enters it or prints the brief.
import { el } from "../core/ui.js";

// Meeting mode: large type, one topic per screen, keyboard navigation (→/PageDown/Space next,
// ←/PageUp previous, Home/End, Esc leaves). The chosen topic is kept in the URL hash.
function topics(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("section.ts-topic")];
}

/** Shows one topic in meeting mode and keeps it in the URL hash. */
export function meetingShow(target: HTMLElement): void {
  const all = topics();
  all.forEach((t) => t.classList.toggle("is-current", t === target));
  const index = all.indexOf(target);
  const counter = document.getElementById("meeting-counter");
  if (counter) counter.textContent = `Topik ${index + 1} dari ${all.length}`;
  history.replaceState(history.state, "", `${location.pathname}${location.search}#${target.id}`);
  window.scrollTo(0, 0);
}

function step(delta: number): void {
  const all = topics();
  const current = all.findIndex((t) => t.classList.contains("is-current"));
  const next = all[Math.max(0, Math.min(all.length - 1, (current < 0 ? 0 : current) + delta))];
  if (next) meetingShow(next);
}

function onKey(event: KeyboardEvent): void {
  const target = event.target as HTMLElement | null;
  if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  if (["ArrowRight", "PageDown", " "].includes(event.key)) step(1);
  else if (["ArrowLeft", "PageUp"].includes(event.key)) step(-1);
  else if (event.key === "Home") step(-1000);
  else if (event.key === "End") step(1000);
  else if (event.key === "Escape") leaveMeeting();
  else return;
  event.preventDefault();
}

export function enterMeeting(): void {
  if (document.body.classList.contains("ts-meeting")) return;
  document.body.classList.add("ts-meeting");
  const bar = el(
    "div",
    { id: "meeting-bar", class: "ts-noprint", role: "navigation", "aria-label": "Navigasi mode rapat" },
    el("span", { id: "meeting-counter" }),
    button("← Sebelumnya", () => step(-1)),
    button("Berikutnya →", () => step(1)),
    button("Keluar (Esc)", leaveMeeting, "meeting-exit")
  );
  document.body.append(bar);
  document.addEventListener("keydown", onKey);
  const fromHash = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  const first = fromHash?.classList.contains("ts-topic") ? fromHash : topics()[0];
  if (first) meetingShow(first);
}

export function leaveMeeting(): void {
  document.body.classList.remove("ts-meeting");
  document.getElementById("meeting-bar")?.remove();
  document.removeEventListener("keydown", onKey);
  topics().forEach((t) => t.classList.remove("is-current"));
}

function button(text: string, onClick: () => void, id?: string): HTMLElement {
  const b = el("button", { type: "button", class: "ts-button", id }, text);
  b.addEventListener("click", onClick);
  return b;
}

/** The toolbar: meeting mode, print. Exports are added by the page next to it. */
export function rakorToolbar(): HTMLElement {
  return el(
    "div",
    { class: "ts-actions ts-noprint", id: "rakor-toolbar" },
    button("Mode rapat", enterMeeting, "meeting-enter"),
    button("Cetak ringkasan A4", () => window.print(), "print-brief")
  );
}

