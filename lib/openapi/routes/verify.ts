import type { z } from "zod";
import { hashSecret, isWellFormedSecret } from "@/lib/keys/format";
import { seesOwnerKey } from "@/lib/keys/policy";
import { refusalOf } from "@/lib/keys/verify";
import { screenDecoy } from "@/lib/leaks/decoy-uses";
import { verifyKeyRequestSchema } from "@/lib/validations/openapi";
import { EXAMPLES } from "../examples";
import { defineRoute } from "../route";
import { verifyKeyResponseSchema } from "../schemas";
import { workspaceSummary } from "./me";

type VerifyResult = z.output<typeof verifyKeyResponseSchema>;

const INVALID: VerifyResult = {
  valid: false,
  code: "invalid_api_key",
  keyId: null,
  workspace: null,
  permissions: [],
  expiresAt: null,
};

export const verifyRoute = defineRoute({
  method: "POST",
  path: "/api/v1/keys/verify",
  operationId: "verifyKey",
  summary: "Verify a key presented to one of the workspace's services",
  description:
    "Answers 200 whether or not the key is valid. Only keys of the caller's own workspace verify: any other key " +
    "(another workspace's, or the owner key when the caller is not the owner key) is `invalid_api_key`, without details.",
  tag: "Keys",
  permissions: ["api_keys:verify"],
  body: verifyKeyRequestSchema,
  example: EXAMPLES.verifyKey,
  responses: { 200: { description: "The verdict", schema: verifyKeyResponseSchema, example: EXAMPLES.verified } },
  handle: async ({ caller, body, services, req }) => {
    const secret = body.key.trim();
    if (!isWellFormedSecret(secret)) return { status: 200, body: INVALID };
    // A decoy presented to one of the workspace's services is as unknown as anywhere, and its use recorded.
    const key = screenDecoy(await services.verifier.lookup(hashSecret(secret)), services.leaks.decoys, caller.ip, 0, req, "POST /api/v1/keys/verify");
    if (!key || key.workspace.id !== caller.key.workspace.id || (key.isOwnerKey && !seesOwnerKey(caller.actor))) {
      return { status: 200, body: INVALID };
    }
    const now = Date.now();
    const refusal = refusalOf(key, now);
    // A previous secret past its grace is no key at all (SPEC §9.1).
    if (refusal === "invalid_api_key") return { status: 200, body: INVALID };
    const expiresAt = key.expiresAt === null ? null : new Date(key.expiresAt).toISOString();
    if (refusal === null) services.lastUsed.record(key.keyId, now, null);
    if (refusal === null && key.previousSecret) services.lastUsed.recordPreviousSecret(key.previousSecret.hash, now);
    const result: VerifyResult = {
      valid: refusal === null,
      code: refusal === "plan_required" ? "invalid_api_key" : refusal,
      keyId: key.keyId,
      workspace: workspaceSummary(key),
      permissions: refusal === null ? key.permissions : [],
      expiresAt,
    };
    return { status: 200, body: result };
  },
});
