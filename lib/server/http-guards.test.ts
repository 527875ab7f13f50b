import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { isForeignServerAction } from "./http-guards";

const request = (headers: Record<string, string>, url = "/w/acme/api-keys", method = "POST") =>
  ({ method, url, headers: { host: "keyward.test:3000", ...headers } }) as unknown as IncomingMessage;

describe("isForeignServerAction", () => {
  it("is true for a server action whose Origin is another host, null or unparsable", () => {
    expect(isForeignServerAction(request({ "next-action": "x", origin: "https://evil.example" }))).toBe(true);
    expect(isForeignServerAction(request({ "next-action": "x", origin: "null" }))).toBe(true);
    expect(isForeignServerAction(request({ "next-action": "x", origin: "::not a url" }))).toBe(true);
    expect(isForeignServerAction(request({ "content-type": "multipart/form-data; boundary=x", origin: "http://evil.example" }))).toBe(true);
  });

  it("compares with X-Forwarded-Host when a proxy sets it, as Next does", () => {
    const forwarded = { "next-action": "x", "x-forwarded-host": "console.example" };
    expect(isForeignServerAction(request({ ...forwarded, origin: "https://console.example" }))).toBe(false);
    expect(isForeignServerAction(request({ ...forwarded, origin: "http://keyward.test:3000" }))).toBe(true);
  });

  it("is false for same-origin actions, requests without Origin, other requests and the API", () => {
    expect(isForeignServerAction(request({ "next-action": "x", origin: "http://keyward.test:3000" }))).toBe(false);
    expect(isForeignServerAction(request({ "next-action": "x" }))).toBe(false);
    expect(isForeignServerAction(request({ origin: "https://evil.example", "content-type": "application/json" }))).toBe(false);
    expect(isForeignServerAction(request({ "next-action": "x", origin: "https://evil.example" }, "/w/acme", "GET"))).toBe(false);
    expect(isForeignServerAction(request({ "next-action": "x", origin: "https://evil.example" }, "/api/auth/signin"))).toBe(false);
  });
});
