import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { createApiKeySchema, modifyApiKeySchema } from "@/lib/validations/api-keys";
import { verifyKeyRequestSchema } from "@/lib/validations/openapi";
import { startTestApi } from "./testing";

let handle: DatabaseHandle;
let api: Awaited<ReturnType<typeof startTestApi>>;
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { name?: string; scheme?: string }> };
};
let doc: Doc;

beforeAll(async () => {
  handle = await openTestDatabase();
  api = await startTestApi();
  const res = await fetch(`${api.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  doc = (await res.json()) as Doc;
});
afterAll(async () => {
  await api.close();
  await handle.close();
});

const requestSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return json;
};

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document of every endpoint, served without a key", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      expect.arrayContaining([
        "/api/v1/me",
        "/api/v1/keys",
        "/api/v1/keys/{keyId}",
        "/api/v1/keys/verify",
        "/api/v1/members",
        "/api/v1/roles",
        "/api/v1/audit-log",
        "/api/v1/openapi.json",
      ]),
    );
    expect(Object.keys(doc.paths["/api/v1/keys/{keyId}"]!).sort()).toEqual(["delete", "get", "patch"]);
    expect(Object.keys(doc.paths["/api/v1/keys"]!).sort()).toEqual(["get", "post"]);
    expect(Object.values(doc.components.securitySchemes).map((s) => s.name ?? s.scheme).sort()).toEqual(["DF-API-KEY", "X-Api-Key", "bearer"]);
  });

  it("describes request bodies with the very schemas that validate them", () => {
    expect(doc.paths["/api/v1/keys"]!.post!.requestBody!.content["application/json"]!.schema).toEqual(requestSchema(createApiKeySchema));
    expect(doc.paths["/api/v1/keys/{keyId}"]!.patch!.requestBody!.content["application/json"]!.schema).toEqual(requestSchema(modifyApiKeySchema));
    expect(doc.paths["/api/v1/keys/verify"]!.post!.requestBody!.content["application/json"]!.schema).toEqual(requestSchema(verifyKeyRequestSchema));
    const query = doc.paths["/api/v1/keys"]!.get!.parameters!.filter((p) => p.in === "query").map((p) => p.name);
    expect(query).toEqual(expect.arrayContaining(["q", "cursor", "limit"]));
  });

  it("documents the error responses and resolves every $ref", () => {
    expect(Object.keys(doc.paths["/api/v1/keys"]!.post!.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "402", "403", "409", "413", "429"]),
    );
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref.split("/").at(-1)!.replace('"', "");
      expect(doc.components.schemas, ref).toHaveProperty(name);
    }
  });
});
