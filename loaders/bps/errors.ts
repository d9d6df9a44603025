// Failures of the BPS Web API, classified so the client knows which to retry and the command can say why.

export type BpsErrorKind =
  /** The key was refused (HTTP 200 with status "Error"); never retried. */
  | "auth"
  /** Too many periods in `th`; `maxYears` holds the limit the API stated. */
  | "th-limit"
  /** Any other status "Error" from the API. */
  | "api"
  /** An HTTP status that is not a success (5xx is retried). */
  | "http"
  /** An HTML page instead of JSON, usually the WAF block page (retried). */
  | "waf"
  /** No answer within the per-request timeout (retried). */
  | "timeout"
  /** The connection failed (retried). */
  | "network"
  /** A body that is not the JSON the API documents. */
  | "malformed";

const RETRYABLE: ReadonlySet<BpsErrorKind> = new Set(["http", "waf", "timeout", "network"]);

export class BpsApiError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly kind: BpsErrorKind,
    message: string,
    readonly details: { status?: number; maxYears?: number; retryable?: boolean; body?: unknown } = {}
  ) {
    super(message);
    this.name = "BpsApiError";
    this.retryable = details.retryable ?? RETRYABLE.has(kind);
  }

  get maxYears(): number | undefined {
    return this.details.maxYears;
  }
}
