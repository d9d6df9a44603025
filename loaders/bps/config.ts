// BPS Web API settings from the environment. The key is read here and handed only to the client.

export const DEFAULT_BASE_URL = "https://webapi.bps.go.id/v1/api/";

export interface BpsConfig {
  /** BPS_API_KEY; undefined when not configured. Never log or persist it. */
  readonly key: string | undefined;
  /** BPS_API_BASE (for a mirror or a test server), always ending in "/". */
  readonly baseUrl: string;
}

export function readBpsConfig(env: NodeJS.ProcessEnv = process.env): BpsConfig {
  const key = env.BPS_API_KEY?.trim();
  const base = env.BPS_API_BASE?.trim() || DEFAULT_BASE_URL;
  return { key: key ? key : undefined, baseUrl: base.endsWith("/") ? base : `${base}/` };
}
