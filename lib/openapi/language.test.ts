import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestKey, createTestWorkspace, withTestDatabase } from "@/lib/testing";
import { call, startTestApi } from "./testing";

withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

// SPEC §14: the console speaks the reader's language; the Open API's messages stay English, its codes never change.
describe("the Open API in a Chinese or Ukrainian client", () => {
  for (const language of ["zh-CN,zh;q=0.9", "uk-UA,uk;q=0.9"]) {
    it(`answers in English to Accept-Language: ${language}`, async () => {
      const ws = await createTestWorkspace("small");
      const admin = await ws.addMember(["administrator"]);
      const { secret } = await createTestKey(ws, admin, ["administrator"]);
      const headers = { "accept-language": language };
      const invalid = await call(api.url, "/api/v1/keys", { key: secret, headers, body: { name: "" } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error).toMatchObject({ code: "invalid_request", field: "name", message: "name: Name is required" });
      const missing = await call(api.url, "/api/v1/me", { headers });
      expect(missing.status).toBe(401);
      expect(missing.body.error?.message).toMatch(/^[\x20-\x7e]+$/);
      expect(missing.headers.get("content-language")).toBeNull();
    });
  }
});
