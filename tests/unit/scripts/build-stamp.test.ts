// The build fingerprint that lets `npm start` skip an unneeded rebuild, and the offline npm pins.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { STAMP_FILE, inputFingerprint, isUpToDate } from "../../../scripts/build-stamp.js";
import { ABSENT_PACKAGE_VERSION, acquireBuildLock, npmSpecifierNames, pinnedNpmVersions, releaseBuildLock } from "../../../scripts/build.js";
import { parsePort } from "../../../scripts/start.js";
import { makeTempDir } from "../../support/tmp.js";

const tmp = makeTempDir("stamp");
afterAll(() => tmp.remove());

function write(relative: string, text: string): void {
  const file = path.join(tmp.dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe("inputFingerprint", () => {
  write("src/index.md", "# Ringkasan");
  write("loaders/build.ts", "export {};");
  write("data/reference/a.csv", "x\n1\n");
  const env = { TS_PRIVATE_DIR: path.join(tmp.dir, "private") };
  const first = inputFingerprint(tmp.dir, env);

  it("is stable while nothing changes", () => {
    expect(inputFingerprint(tmp.dir, env)).toBe(first);
  });

  it("ignores Framework's cache under src/ and files outside the inputs", () => {
    write("src/.observablehq/cache/x.js", "cached");
    write("notes.txt", "not an input");
    expect(inputFingerprint(tmp.dir, env)).toBe(first);
  });

  it("changes when a source, a reference file or a private file changes", () => {
    write("data/reference/a.csv", "x\n2\n");
    const afterReference = inputFingerprint(tmp.dir, env);
    expect(afterReference).not.toBe(first);
    write("private/registry/bnba.csv", "NIK\n");
    const afterPrivate = inputFingerprint(tmp.dir, env);
    expect(afterPrivate).not.toBe(afterReference);
    write("src/index.md", "# Ringkasan baru");
    expect(inputFingerprint(tmp.dir, env)).not.toBe(afterPrivate);
  });

  it("depends on whether the pseudonym key is set, not on its value", () => {
    const a = inputFingerprint(tmp.dir, { ...env, TS_PSEUDONYM_KEY: "a".repeat(64) });
    const b = inputFingerprint(tmp.dir, { ...env, TS_PSEUDONYM_KEY: "b".repeat(64) });
    expect(a).toBe(b);
    expect(a).not.toBe(inputFingerprint(tmp.dir, env));
  });
});

describe("isUpToDate", () => {
  it("needs both a built index page and a stamp with the same fingerprint", () => {
    const dist = path.join(tmp.dir, "dist");
    mkdirSync(dist, { recursive: true });
    expect(isUpToDate(dist, "abc")).toBe(false);
    writeFileSync(path.join(dist, STAMP_FILE), JSON.stringify({ inputs: "abc", builtAt: "2026-12-03T00:00:00Z" }));
    expect(isUpToDate(dist, "abc")).toBe(false); // no index.html: an incomplete site
    writeFileSync(path.join(dist, "index.html"), "<p></p>");
    expect(isUpToDate(dist, "abc")).toBe(true);
    expect(isUpToDate(dist, "abd")).toBe(false);
    writeFileSync(path.join(dist, STAMP_FILE), "{not json");
    expect(isUpToDate(dist, "abc")).toBe(false);
  });
});

describe("offline npm pins", () => {
  it("extracts package names from npm: specifiers", () => {
    const text = 'import("npm:react-dom"); import.meta.resolve("npm:@observablehq/sample-datasets/aapl.csv"); "npm:d3-dsv"';
    expect(npmSpecifierNames(text)).toEqual(["@observablehq/sample-datasets", "d3-dsv", "react-dom"]);
  });

  it("pins every package Framework's client names, installed ones at their installed version", () => {
    const pins = pinnedNpmVersions();
    expect(pins.get("react-dom")).toBe(ABSENT_PACKAGE_VERSION);
    expect(pins.get("@observablehq/sample-datasets")).toBe(ABSENT_PACKAGE_VERSION);
    expect(pins.get("vega")).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pins.get("vega")).not.toBe(ABSENT_PACKAGE_VERSION);
  });
});

describe("parsePort", () => {
  it("defaults to 3000 and rejects what is not a port, in Indonesian", () => {
    expect(parsePort(undefined)).toBe(3000);
    expect(parsePort("8080")).toBe(8080);
    expect(parsePort("80a")).toBe("PORT=80a bukan nomor port (1–65535).");
    expect(parsePort("70000")).toBe("PORT=70000 bukan nomor port (1–65535).");
  });
});

describe("build lock", () => {
  it("lets one build in, names the holder to a second, and takes over a dead holder's lock", () => {
    const lock = path.join(tmp.dir, "locks", "build.lock");
    expect(acquireBuildLock(lock)).toBeNull();
    expect(acquireBuildLock(lock)).toBe(process.pid); // held by this (running) process
    releaseBuildLock(lock);
    mkdirSync(lock, { recursive: true });
    writeFileSync(path.join(lock, "pid"), "999999999"); // no such process
    expect(acquireBuildLock(lock)).toBeNull();
    releaseBuildLock(lock);
  });
});
