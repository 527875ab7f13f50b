import type { IncomingMessage } from "node:http";
import { SUCCESS, type UsageRecorder } from "@/lib/usage/recorder";
import { hashSecret, isWellFormedSecret, SECRET_LENGTH } from "@/lib/keys/format";
import type { VerifiedKey } from "@/lib/keys/verify";
import { isCaller, presentedSecret, type AuthenticatorDeps, type AuthOutcome } from "./authenticate";
import type { ApiErrorBody, ApiResponse } from "./errors";
import type { AnyRoute } from "./route";

const codeOf = (response: ApiResponse | null): string =>
  response ? ((response.body as Partial<ApiErrorBody> | undefined)?.error?.code ?? `http_${response.status}`) : "internal_error";

/**
 * Counts one answered request for the key it named, if one was found: `success`, or the error
 * code it got (null = the route threw, answered 500). A success also records which permission the
 * route needed (the first of its `permissions` the key holds) and where the request came from.
 * Synchronous and in memory only.
 */
export function countRequest(
  usage: UsageRecorder,
  route: AnyRoute,
  req: IncomingMessage,
  outcome: AuthOutcome,
  response: ApiResponse | null,
): void {
  const keyId = isCaller(outcome) ? outcome.key.keyId : outcome.keyId;
  if (keyId === undefined) return;
  const now = Date.now();
  if (response && response.status < 400) {
    usage.count(keyId, SUCCESS, now);
    if (isCaller(outcome)) {
      const permission = route.permissions.find((p) => outcome.key.permissionSet.has(p)) ?? null;
      const agent = req.headers["user-agent"];
      usage.recordSuccess(keyId, now, permission, outcome.ip, typeof agent === "string" ? agent : null);
    }
  } else {
    usage.count(keyId, codeOf(response), now);
  }
}

/**
 * A request answered before any route ran (an unknown path's 404, another method's 405, a body
 * over the limit's 413) still counts for the key it names, when that key exists (SPEC §11). Off
 * the answer's path: the response is sent at once; a key not in the cache costs the verifier's
 * one look-up, as it would on any route.
 */
export function countUnrouted(services: AuthenticatorDeps, req: IncomingMessage, response: ApiResponse): void {
  const { usage } = services;
  if (!usage) return;
  const secret = presentedSecret(req.headers);
  if (secret === null || secret.length !== SECRET_LENGTH) return;
  const hash = hashSecret(secret);
  const code = codeOf(response);
  const count = (key: VerifiedKey | null) => {
    if (key) usage.count(key.keyId, code, Date.now());
  };
  const cached = services.verifier.peek(hash);
  if (cached !== undefined) return count(cached);
  if (!isWellFormedSecret(secret)) return;
  services.verifier.fetch(hash).then(count, () => undefined);
}
