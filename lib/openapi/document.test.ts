import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { withTestDatabase } from "@/lib/testing/database";
import { createApiKeySchema, modifyApiKeySchema } from "@/lib/validations/api-keys";
import { verifyKeyRequestSchema } from "@/lib/validations/openapi";
import { buildOpenApiDocument } from "./document";
import { ROUTES } from "./routes";
import { startTestApi } from "./testing";

withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { name?: string; scheme?: string }> };
};
let doc: Doc;

beforeAll(async () => {
  api = await startTestApi();
  const res = await fetch(`${api.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  doc = (await res.json()) as Doc;
});
afterAll(async () => {
  await api.close();
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
      const [, kind, name] = /"#\/components\/(\w+)\/([^"]+)"/.exec(ref) ?? [];
      expect((doc.components as Record<string, Record<string, unknown>>)[kind ?? ""], ref).toHaveProperty(name ?? "?");
    }
  });

  it("is what the lint checks, and says what integrators need", () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(ROUTES))));
    const full = doc as unknown as {
      info: { license?: { name: string }; contact?: { name: string } };
      tags: { name: string }[];
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }>; "x-permissions": unknown; tags: string[] }>>;
    };
    expect(full.info.license?.name).toBeTruthy();
    expect(full.info.contact?.name).toBeTruthy();
    const tags = new Set(full.tags.map((t) => t.name));
    for (const [path, operations] of Object.entries(full.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        expect(op.responses.default, where).toBeDefined();
        expect(op["x-permissions"], where).toEqual({ anyOf: expect.any(Array) });
        for (const tag of op.tags) expect(tags.has(tag), where).toBe(true);
        if (op.responses["429"]) expect(op.responses["429"].headers, where).toHaveProperty("Retry-After");
      }
    }
    const codesOf = (path: string, method: string, status: string) => {
      const ref = (full.paths[path]![method]!.responses[status]!.content!["application/json"]!.schema as { $ref: string }).$ref;
      const schema = doc.components.schemas[ref.split("/").at(-1)!] as { properties: { error: { properties: { code: { enum: string[] } } } } };
      return schema.properties.error.properties.code.enum;
    };
    expect(codesOf("/api/v1/keys", "post", "409")).toEqual(["conflict", "limit_reached"]);
    expect(codesOf("/api/v1/keys/{keyId}", "get", "404")).toEqual(["not_found"]);
    expect(codesOf("/api/v1/me", "get", "401")).toContain("replayed_request");
    expect(full.paths["/api/v1/openapi.json"]!.get!.responses["200"]!.content!["application/json"]!.schema).toMatchObject({ type: "object", required: ["openapi", "info", "paths"] });
    expect(full.paths["/api/v1/me"]!.get!["x-permissions"]).toEqual({ anyOf: [] });
    expect(full.paths["/api/v1/members"]!.get!["x-permissions"]).toEqual({ anyOf: ["members:read"] });
  });

  it("states the constraints the server enforces", () => {
    const body = (path: string, method: string) =>
      doc.paths[path]![method]!.requestBody!.content["application/json"]!.schema as { properties: Record<string, { maxLength?: number; minLength?: number }>; minProperties?: number };
    expect(body("/api/v1/keys", "post").properties.name).toMatchObject({ minLength: 1, maxLength: 50 });
    expect(body("/api/v1/keys", "post").properties.description).toMatchObject({ maxLength: 200 });
    expect(body("/api/v1/keys/{keyId}", "patch").minProperties).toBe(1);
    const keyId = doc.paths["/api/v1/keys/{keyId}"]!.get!.parameters!.find((p) => p.name === "keyId") as unknown as { schema: { pattern: string; maxLength: number } };
    expect(keyId.schema).toMatchObject({ pattern: "^key_[0-9A-Za-z]{16}$", maxLength: 200 });
    expect(JSON.stringify(doc.components.schemas.CreatedApiKey)).toContain("^ak_[0-9A-Za-z]{32}$");
  });
});
