import { z } from "zod";
import { SECRET_PREFIX } from "@/lib/keys/format";
import { KEY_IDENTIFIER_HEADER, KEY_SIGNATURE_HEADER } from "@/lib/leaks/github-keys";
import { reportLeakedSecrets } from "@/lib/leaks/report";
import { githubLeakSchema, isWebAddress, leakReportSchema } from "@/lib/validations/leaks";
import { BODY_LIMIT, BODY_LIMIT_TEXT, apiError, invalidRequest, type ApiResponse } from "../errors";
import { parseJsonBody } from "../input";
import { definePublicRoute } from "../route";

/** Leak reports may be read up to this before a 413, so a body just over 64 kB gets SPEC §13's 400 naming it. */
const READ_LIMIT = 1024 * 1024;

export const GITHUB_TOKEN_TYPE = "keyward_api_key";

const receivedSchema = z
  .object({ received: z.int().meta({ description: "How many strings were received (not how many were keys)" }) })
  .meta({ id: "LeakReportReceived", description: "The report was received; the answer never tells whether a key exists" });

const githubAnswerSchema = z
  .array(
    z.object({
      token_raw: z.string().meta({ description: "The token as GitHub sent it" }),
      token_type: z.literal(GITHUB_TOKEN_TYPE).meta({ description: "Always keyward_api_key" }),
      label: z.enum(["true_positive", "false_positive"]).meta({ description: "true_positive: a Keyward key (now handled by its workspace's policy)" }),
    }),
  )
  .meta({ id: "GitHubSecretScanningAnswer", description: "One label per token, as GitHub's partner program expects" });

const rateLimited = { description: "rate_limited: more than 60 reports an hour from this address (see Retry-After)", codes: ["rate_limited"] } as const;

function rateLimitedAnswer(wait: number): ApiResponse {
  return apiError(429, "rate_limited", `Too many leak reports from this address. Retry in ${wait} s.`, {}, { "retry-after": String(wait) });
}

export const leakRoutes = [
  definePublicRoute({
    method: "POST",
    path: "/api/v1/leaks",
    operationId: "reportLeakedKeys",
    summary: "Report leaked keys (no key needed)",
    description:
      `Anyone who finds Keyward secrets (\`${SECRET_PREFIX}…\`) in public may report them here, without a key: each one that ` +
      "is a key is handled at once by its workspace's policy (disabled by default, deleted, or only flagged), gets the " +
      '"Leaked" badge and an `api_key.leaked` audit event by "Leak report". The answer is 202 whether or not any string is a key. ' +
      `60 reports an hour per address; bodies over ${BODY_LIMIT_TEXT} are a 400.`,
    tag: "Keys",
    domainBody: leakReportSchema,
    bodyLimit: READ_LIMIT,
    example: { keys: ["ak_Ab3dEfGhIjKlMnOpQrStUvWxYzx9Yz01"], source: "pastebin scanner", url: "https://example.com/paste/123" },
    responses: {
      202: { description: "Received", schema: receivedSchema, example: { received: 1 } },
      429: rateLimited,
    },
    handle: async ({ bytes, ip, services }) => {
      const { reports } = services.leaks;
      const wait = reports.retryAfter(ip);
      if (wait > 0) return rateLimitedAnswer(wait);
      reports.recordFailure(ip);
      if (bytes.length > BODY_LIMIT) return invalidRequest({ body: `The body must be at most ${BODY_LIMIT_TEXT}` });
      const parsed = parseJsonBody(bytes, leakReportSchema);
      if (!parsed.ok) return parsed.response;
      const { keys, source = null, url = null } = parsed.data;
      await reportLeakedSecrets(keys.map((secret) => ({ secret: secret.trim(), source, url })), ip);
      return { status: 202, body: { received: keys.length } };
    },
  }),
  definePublicRoute({
    method: "POST",
    path: "/api/v1/leaks/github",
    operationId: "reportGitHubSecretScanning",
    summary: "GitHub secret scanning partner endpoint (signed by GitHub)",
    description:
      `GitHub calls this when it finds \`\\b${SECRET_PREFIX}[0-9A-Za-z]{32}\\b\` in a public repository. The request must carry ` +
      "`Github-Public-Key-Identifier` and `Github-Public-Key-Signature`: an ECDSA P-256 / SHA-256 signature (base64, DER) of " +
      "the raw body under one of GitHub's published secret scanning keys; otherwise 401 `invalid_signature`. Each token that " +
      "is a key is handled like a leak report (source `github`, the match's URL).",
    tag: "Keys",
    domainBody: githubLeakSchema,
    bodyLimit: READ_LIMIT,
    example: [{ token: "ak_Ab3dEfGhIjKlMnOpQrStUvWxYzx9Yz01", type: GITHUB_TOKEN_TYPE, url: "https://github.com/octo/repo/blob/main/.env", source: "content" }],
    responses: {
      200: {
        description: "A label for each token",
        schema: githubAnswerSchema,
        example: [{ token_raw: "ak_Ab3dEfGhIjKlMnOpQrStUvWxYzx9Yz01", token_type: GITHUB_TOKEN_TYPE, label: "true_positive" }],
      },
      401: { description: "invalid_signature: missing or bad signature, or a key identifier GitHub does not publish", codes: ["invalid_signature"] },
    },
    handle: async ({ bytes, ip, req, services }) => {
      const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string).trim() : undefined);
      const check = await services.leaks.githubKeys.verify(header(KEY_IDENTIFIER_HEADER), header(KEY_SIGNATURE_HEADER), bytes);
      if (!check.ok) return apiError(401, "invalid_signature", "The GitHub signature is missing or does not verify.");
      const parsed = parseJsonBody(bytes, githubLeakSchema);
      if (!parsed.ok) return parsed.response;
      const matches = parsed.data;
      const { known } = await reportLeakedSecrets(
        matches.map((m) => ({ secret: m.token.trim(), source: "github", url: m.url && isWebAddress(m.url) ? m.url.slice(0, 2048) : null })),
        ip,
      );
      const body = matches.map((m) => ({
        token_raw: m.token,
        token_type: GITHUB_TOKEN_TYPE,
        label: known.has(m.token.trim()) ? "true_positive" : "false_positive",
      }));
      return { status: 200, body };
    },
  }),
];
