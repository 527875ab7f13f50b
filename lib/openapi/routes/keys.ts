import { KEY_LIMIT_PER_MEMBER, KEY_READ_PERMISSIONS, KEY_WRITE_PERMISSIONS } from "@/lib/keys/policy";
import { createApiKey, deleteApiKey, getApiKey, listApiKeys, modifyApiKey } from "@/lib/keys/rules";
import type { Result } from "@/lib/result";
import { createApiKeySchema, listApiKeysSchema, modifyApiKeySchema } from "@/lib/validations/api-keys";
import { apiError, type ApiResponse } from "../errors";
import { keyIdParamSchema } from "../params";
import { defineRoute, respond } from "../route";
import {
  apiKeyDetailsSchema,
  apiKeyPageSchema,
  apiKeySchema,
  createdApiKeySchema,
  deletedApiKeySchema,
} from "../schemas";
import { EXAMPLES } from "../examples";

const KEY_ID = { keyId: keyIdParamSchema };
const SEE = KEY_READ_PERMISSIONS;
const CHANGE = KEY_WRITE_PERMISSIONS;
const notFound = { description: "not_found: no such key (or not visible to this key)", codes: ["not_found"] } as const;
const conflict = {
  description: `conflict: the name is taken or the workspace already has an owner key; limit_reached: the creator has ${KEY_LIMIT_PER_MEMBER} keys`,
  codes: ["conflict", "limit_reached"],
} as const;
const nameConflict = { description: "conflict: the name is taken or the workspace already has an owner key", codes: ["conflict"] } as const;

/** Changing a visible key one may not change means someone else's key: that needs api_keys:manage. */
function respondToChange<T>(result: Result<T>, shape?: (data: T) => unknown): ApiResponse {
  if (!result.ok && result.code === "forbidden" && !result.fieldErrors) {
    return apiError(403, "forbidden", `${result.error}: this API key lacks the permission "api_keys:manage".`, {
      permission: "api_keys:manage",
    });
  }
  return respond(result, 200, shape);
}

export const keyRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/keys",
    operationId: "listKeys",
    summary: "List keys",
    description:
      "Every non-owner key of the workspace with api_keys:read, else the keys created by this key's creator. " +
      "`q` searches names (exact, substring, then typo-tolerant) and descriptions, and finds a key by its Key ID, its hint (`ak_kHZw…abcd` or `ak_kHZw`) or its full secret (a secret does not belong in a URL: prefer `POST /api/v1/keys/verify` for one). Pages of `limit`, continued with `cursor`.",
    tag: "Keys",
    permissions: SEE,
    query: listApiKeysSchema,
    responses: { 200: { description: "A page of keys", schema: apiKeyPageSchema, example: EXAMPLES.keyPage } },
    handle: async ({ caller, query }) => respond(await listApiKeys(caller.actor, query)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/keys",
    operationId: "createKey",
    summary: "Create a key",
    description: `Same rules as the console: roles only within this key's permissions, at most ${KEY_LIMIT_PER_MEMBER} keys per member. The answer holds the secret, once.`,
    tag: "Keys",
    permissions: CHANGE,
    domainBody: createApiKeySchema,
    example: EXAMPLES.createKey,
    responses: { 201: { description: "Created", schema: createdApiKeySchema, example: EXAMPLES.createdKey }, 409: conflict },
    handle: async ({ caller, rawBody }) => respond(await createApiKey(caller.actor, rawBody), 201),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/keys/{keyId}",
    operationId: "getKey",
    summary: "Get a key",
    tag: "Keys",
    permissions: SEE,
    pathParams: KEY_ID,
    responses: { 200: { description: "The key", schema: apiKeyDetailsSchema, example: EXAMPLES.keyDetails }, 404: notFound },
    handle: async ({ caller, params }) => respond(await getApiKey(caller.actor, params.keyId ?? "")),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/keys/{keyId}",
    operationId: "modifyKey",
    summary: "Modify a key",
    description: "Own keys with api_keys:create, others' with api_keys:manage. Send only the fields to change.",
    tag: "Keys",
    permissions: CHANGE,
    pathParams: KEY_ID,
    domainBody: modifyApiKeySchema,
    example: EXAMPLES.modifyKey,
    responses: { 200: { description: "The modified key", schema: apiKeySchema, example: EXAMPLES.key }, 404: notFound, 409: nameConflict },
    handle: async ({ caller, params, rawBody }) =>
      respondToChange(await modifyApiKey(caller.actor, params.keyId ?? "", rawBody)),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/v1/keys/{keyId}",
    operationId: "deleteKey",
    summary: "Delete a key",
    description: "Refused by the API at once, on every instance.",
    tag: "Keys",
    permissions: CHANGE,
    pathParams: KEY_ID,
    responses: { 200: { description: "Deleted", schema: deletedApiKeySchema, example: EXAMPLES.deletedKey }, 404: notFound },
    handle: async ({ caller, params }) =>
      respondToChange(await deleteApiKey(caller.actor, params.keyId ?? ""), (d) => ({ ...d, deleted: true })),
  }),
];
