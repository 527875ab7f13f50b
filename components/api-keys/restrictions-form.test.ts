import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { createFormDefaults, keyFormSchema, modifyFormDefaults } from "./key-form";
import type { ApiKeyView } from "@/lib/keys/types";

// The dialogs' Restrictions section refuses what the server refuses, with the same messages.
const t = createTranslator({ locale: "en", messages: en, namespace: "KeyDialogs.validation" });
const parse = (values: Partial<ReturnType<typeof createFormDefaults>>) =>
  keyFormSchema(t).safeParse({ ...createFormDefaults("00000000-0000-4000-8000-000000000000"), ...values });
const messageAt = (values: Partial<ReturnType<typeof createFormDefaults>>, field: string) =>
  parse(values).error?.issues.find((i) => i.path.join(".") === field)?.message;

describe("the Restrictions section", () => {
  it("defaults to any address and no limit", () => {
    expect(parse({}).data).toMatchObject({ ipAllowlist: [], rateLimit: null });
  });

  it("reads one entry per line and names the first bad line", () => {
    expect(parse({ ipAllowlist: "203.0.113.0/24\n\n 2001:db8::1 \n" }).data?.ipAllowlist).toEqual(["203.0.113.0/24", "2001:db8::1"]);
    expect(messageAt({ ipAllowlist: "203.0.113.0/24\n203.0.113.0/33" }, "ipAllowlist")).toBe(
      "Not an IP address or CIDR range: 203.0.113.0/33",
    );
  });

  it.each([
    ["", "Enter the number of requests"],
    ["0", "Rate limit must be at least 1"],
    ["1000001", "Rate limit must be at most 1,000,000"],
    ["1e3", "Rate limit must be a whole number"],
    ["2.5", "Rate limit must be a whole number"],
  ])("refuses the limit %j", (limit, message) => {
    expect(messageAt({ rateLimit: { mode: "limit", limit, window: "second" } }, "rateLimit.limit")).toBe(message);
  });

  it("gives the server {limit, window}, or null for No limit whatever the number field holds", () => {
    expect(parse({ rateLimit: { mode: "limit", limit: " 1000000 ", window: "hour" } }).data?.rateLimit).toEqual({ limit: 1_000_000, window: "hour" });
    expect(parse({ rateLimit: { mode: "none", limit: "junk", window: "hour" } }).data?.rateLimit).toBeNull();
  });

  it("modify starts from the key's own restrictions", () => {
    const key = { ipAllowlist: ["10.0.0.0/8", "::1"], rateLimit: { limit: 5, window: "second" } } as Partial<ApiKeyView>;
    expect(modifyFormDefaults({ name: "k", description: "", roles: [], expiresAt: null, ...key } as unknown as ApiKeyView)).toMatchObject({
      ipAllowlist: "10.0.0.0/8\n::1",
      rateLimit: { mode: "limit", limit: "5", window: "second" },
    });
  });
});
