import { z } from "zod";
import { KEY_READ_PERMISSIONS } from "@/lib/keys/policy";
import { getKeyUsage, getWorkspaceUsage } from "@/lib/usage/read";
import { USAGE_RANGES, usageQuerySchema } from "@/lib/validations/usage";
import { keyIdParamSchema } from "../params";
import { defineRoute, respond } from "../route";

const about = <S extends z.ZodType>(schema: S, description: string): S => schema.meta({ description });
const count = (what: string) => about(z.number().int().min(0), what);

export const usageSchema = z
  .object({
    range: about(z.enum(USAGE_RANGES), "The range asked for"),
    buckets: about(
      z.array(
        z
          .object({
            start: about(z.iso.datetime({ offset: true }), "Start of the bucket (ISO 8601, UTC): an hour for 24h and 7d, a UTC day for 30d"),
            success: count("Requests answered successfully"),
            refused: count("Requests refused (any error)"),
            byCode: about(z.record(z.string(), z.number().int().min(0)), "Refused requests by error code, e.g. forbidden, expired_api_key"),
          })
          .meta({ id: "UsageBucket", description: "Requests in one hour or day" }),
      ),
      "Oldest first; the last bucket holds the current hour (or day)",
    ),
    totals: about(z.object({ success: count("Successful requests in the range"), refused: count("Refused requests in the range") }), "Sums of the buckets"),
  })
  .meta({ id: "Usage", description: "Requests over time (SPEC §11: every request naming the key, by outcome; counted within about 10 s)" });

const EXAMPLE = {
  range: "24h",
  buckets: [
    { start: "2025-01-01T10:00:00.000Z", success: 120, refused: 3, byCode: { forbidden: 2, invalid_request: 1 } },
    { start: "2025-01-01T11:00:00.000Z", success: 98, refused: 0, byCode: {} },
  ],
  totals: { success: 218, refused: 3 },
};

const notFound = { description: "not_found: no such key (or not visible to this key)", codes: ["not_found"] } as const;

export const usageRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/usage",
    operationId: "getWorkspaceUsage",
    summary: "The workspace's usage",
    description: "Requests made with every key of the workspace over `range`, successful and refused, in hourly (24h, 7d) or daily (30d) buckets.",
    tag: "Workspace",
    permissions: ["api_keys:read"],
    query: usageQuerySchema,
    responses: { 200: { description: "The workspace's requests over time", schema: usageSchema, example: EXAMPLE } },
    handle: async ({ caller, query }) => respond(await getWorkspaceUsage(caller.actor, query)),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/keys/{keyId}/usage",
    operationId: "getKeyUsage",
    summary: "A key's usage",
    description: "Requests that named the key over `range`, successful and refused by error code. Whoever may see the key may see its usage.",
    tag: "Keys",
    permissions: KEY_READ_PERMISSIONS,
    query: usageQuerySchema,
    pathParams: { keyId: keyIdParamSchema },
    responses: { 200: { description: "The key's requests over time", schema: usageSchema, example: EXAMPLE }, 404: notFound },
    handle: async ({ caller, params, query }) => respond(await getKeyUsage(caller.actor, params.keyId ?? "", query)),
  }),
];
