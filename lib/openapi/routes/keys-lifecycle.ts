import { KEY_WRITE_PERMISSIONS } from "@/lib/keys/policy";
import { bulkApiKeys, expirePreviousSecret, rollApiKey } from "@/lib/keys/rules";
import type { Result } from "@/lib/result";
import { BULK_MAX, bulkKeysSchema, rollApiKeySchema } from "@/lib/validations/key-lifecycle";
import { EXAMPLES } from "../examples";
import { apiError, type ApiResponse } from "../errors";
import { keyIdParamSchema } from "../params";
import { defineRoute, respond } from "../route";
import { bulkResultSchema, keyResultSchema, rolledApiKeySchema } from "../schemas";

const KEY_ID = { keyId: keyIdParamSchema };
const notFound = { description: "not_found: no such key (or not visible to this key)", codes: ["not_found"] } as const;

/** A visible key one may not change is someone else's: that needs api_keys:manage. */
function respondToChange<T>(result: Result<T>, shape?: (data: T) => unknown): ApiResponse {
  if (!result.ok && result.code === "forbidden" && !result.fieldErrors) {
    return apiError(403, "forbidden", `${result.error}: this API key lacks the permission "api_keys:manage".`, {
      permission: "api_keys:manage",
    });
  }
  return respond(result, 200, shape);
}

/** SPEC §9: roll, "Expire now", and bulk actions. */
export const keyLifecycleRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/keys/bulk",
    operationId: "bulkKeys",
    summary: "Delete, disable or enable many keys",
    description:
      `1–${BULK_MAX} distinct key ids, each judged by the single-key rules: a key this key may not see (the owner key ` +
      "included, for all but the owner key) is `not_found`, one it may see but not change is `forbidden`; the others are changed. " +
      "Always 200 with one result per id, in the order sent.",
    tag: "Keys",
    permissions: KEY_WRITE_PERMISSIONS,
    domainBody: bulkKeysSchema,
    example: EXAMPLES.bulkKeys,
    responses: { 200: { description: "What happened to each key", schema: bulkResultSchema, example: EXAMPLES.bulkResults } },
    handle: async ({ caller, rawBody }) => respond(await bulkApiKeys(caller.actor, rawBody)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/keys/{keyId}/roll",
    operationId: "rollKey",
    summary: "Roll a key (a new secret, the previous one kept for a grace period)",
    description:
      "The key keeps its id, name, roles, expiry and creator; only the secret changes. The previous secret keeps " +
      "working for `gracePeriod` (default 24h), never past the key's expiry; rolling again ends an older previous " +
      "secret at once, so at most two secrets work. The answer holds the new secret, once.",
    tag: "Keys",
    permissions: KEY_WRITE_PERMISSIONS,
    pathParams: KEY_ID,
    domainBody: rollApiKeySchema,
    optionalBody: true,
    example: EXAMPLES.rollKey,
    responses: { 200: { description: "Rolled", schema: rolledApiKeySchema, example: EXAMPLES.rolledKey }, 404: notFound },
    handle: async ({ caller, params, rawBody }) => respondToChange(await rollApiKey(caller.actor, params.keyId ?? "", rawBody)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/keys/{keyId}/roll/expire-previous",
    operationId: "expirePreviousSecret",
    summary: "End the previous secret's grace period now",
    description: "The previous secret is refused at once, on every instance. Nothing changes when there is none.",
    tag: "Keys",
    permissions: KEY_WRITE_PERMISSIONS,
    pathParams: KEY_ID,
    responses: { 200: { description: "The key", schema: keyResultSchema, example: { key: EXAMPLES.key } }, 404: notFound },
    handle: async ({ caller, params }) =>
      respondToChange(await expirePreviousSecret(caller.actor, params.keyId ?? ""), (key) => ({ key })),
  }),
];

