import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/auth/session";
import { createTestUser, withTestDatabase } from "@/lib/testing/database";
import { setUserLocale } from "./user-locale";

withTestDatabase();

describe("the user's saved language (header menu 'Language')", () => {
  it("keeps one of the console's languages on the user, and refuses anything else naming the field, changing nothing", async () => {
    const user = await createTestUser("Polly");
    expect((await findSessionUser(user.id))?.locale).toBeNull();
    expect(await setUserLocale(user.id, { locale: "uk" })).toEqual({ ok: true, data: { locale: "uk" } });
    expect((await findSessionUser(user.id))?.locale).toBe("uk");
    for (const input of [{ locale: "de" }, { locale: "zh" }, { locale: "" }, {}, { locale: "uk", extra: 1 }, null, "uk"]) {
      const refused = await setUserLocale(user.id, input);
      expect(refused.ok, JSON.stringify(input)).toBe(false);
      if (!refused.ok) expect(refused.code).toBe("invalid_request");
    }
    const wrong = await setUserLocale(user.id, { locale: "de" });
    expect(wrong.ok ? null : wrong.fieldErrors).toEqual({ locale: "Language must be one of en, zh-CN, uk" });
    expect((await findSessionUser(user.id))?.locale).toBe("uk");
    expect(await setUserLocale(user.id, { locale: "zh-CN" })).toMatchObject({ ok: true });
    expect((await findSessionUser(user.id))?.locale).toBe("zh-CN");
  });

  it("refuses a user who no longer exists", async () => {
    expect(await setUserLocale(randomUUID(), { locale: "en" })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
