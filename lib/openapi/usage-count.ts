import type { IncomingMessage } from "node:http";
import { SUCCESS, type UsageRecorder } from "@/lib/usage/recorder";
import { isCaller, type AuthOutcome } from "./authenticate";
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
