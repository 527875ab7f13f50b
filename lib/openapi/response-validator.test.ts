import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { EXAMPLES } from "./examples";
import { ResponseValidator } from "./response-validator";
import { ROUTES } from "./routes";

const validator = new ResponseValidator();

describe("the response validator (every answer of the Open API tests goes through it)", () => {
  it("accepts answers the document describes", () => {
    expect(validator.problems("GET", "/api/v1/me", 200, EXAMPLES.me)).toEqual([]);
    expect(validator.problems("GET", "/api/v1/keys/key_0123456789abcdef?x=1", 200, EXAMPLES.keyDetails)).toEqual([]);
    expect(validator.problems("GET", "/api/v1/keys/key_0123456789abcdef", 404, { error: { code: "not_found", message: "No such key" } })).toEqual([]);
    expect(validator.problems("GET", "/api/v1/me", 500, { error: { code: "internal_error", message: "Something went wrong" } })).toEqual([]);
  });

  it("refuses answers off the document", () => {
    const { expiresAt: _dropped, ...withoutExpiry } = EXAMPLES.me;
    const wrong: [string, string, number, unknown][] = [
      ["GET", "/api/v1/me", 200, withoutExpiry],
      ["GET", "/api/v1/me", 200, { ...EXAMPLES.me, isOwnerKey: "no" }],
      ["GET", "/api/v1/me", 200, { ...EXAMPLES.me, id: "not-a-key-id" }],
      ["GET", "/api/v1/keys", 200, { ...EXAMPLES.keyPage, items: [{ ...EXAMPLES.key, status: "paused" }] }],
      ["POST", "/api/v1/keys", 201, { ...EXAMPLES.createdKey, secret: "ak_short" }],
      ["GET", "/api/v1/keys/key_0123456789abcdef", 404, { error: { code: "conflict", message: "x" } }],
      ["GET", "/api/v1/me", 401, { error: { code: "not_found", message: "x" } }],
      ["GET", "/api/v1/me", 401, { message: "no error object" }],
      ["GET", "/api/v1/me", 500, { error: { code: "made_up", message: "x" } }],
    ];
    for (const [method, path, status, body] of wrong) {
      expect(validator.problems(method, path, status, body).length, `${method} ${path} ${status} ${JSON.stringify(body)}`).toBeGreaterThan(0);
    }
  });

  it("does not judge what is not an operation (an unknown path, another method)", () => {
    expect(validator.problems("GET", "/api/v1/nope", 404, { error: { code: "not_found", message: "x" } })).toEqual([]);
    expect(validator.problems("PUT", "/api/v1/keys", 405, { error: { code: "method_not_allowed", message: "x" } })).toEqual([]);
  });

  it("finds every example of the document valid against its own schema", () => {
    const doc = buildOpenApiDocument(ROUTES) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>> };
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const example = response.content?.["application/json"]?.example;
          if (example === undefined || status === "default") continue;
          const concrete = path.replace("{keyId}", "key_0123456789abcdef");
          expect(validator.problems(method.toUpperCase(), concrete, Number(status), example), `${method} ${path} ${status}`).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
