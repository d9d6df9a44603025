// Framework 1.13's build entry points, called by scripts/framework-build.ts (no published types).
declare module "@observablehq/framework/dist/config.js" {
  export function readConfig(configPath?: string, root?: string): Promise<unknown>;
  /** Makes every file's modification time read as this date (Framework's own test hook). */
  export function setCurrentDate(date: Date | null): void;
}
declare module "@observablehq/framework/dist/build.js" {
  export function build(options: { config: unknown }): Promise<void>;
}
