import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import uk from "@/lib/i18n/messages/uk.json";
import { dateTimeLocalInDays, expiresAtInput, keyFormSchema, parseDateTimeLocal, toDateTimeLocal } from "./key-form";
import { restrictionsDefaults } from "./restrictions-form";

const base = { name: "k", description: "", roleIds: ["00000000-0000-4000-8000-000000000000"], expiration: "custom" as const, ...restrictionsDefaults() };
const t = createTranslator({ locale: "en", messages: en, namespace: "KeyDialogs.validation" });
const expiryError = (expiresAt: string, unchanged?: string) =>
  keyFormSchema(t, unchanged).safeParse({ ...base, expiresAt }).error?.issues.find((i) => i.path[0] === "expiresAt")?.message;

describe("the expiry field (YYYY-MM-DD HH:mm:ss, local time)", () => {
  it("reads back what it writes, to the second", () => {
    const date = new Date(2031, 4, 6, 7, 8, 9);
    expect(toDateTimeLocal(date)).toBe("2031-05-06 07:08:09");
    expect(parseDateTimeLocal("2031-05-06 07:08:09")?.getTime()).toBe(date.getTime());
    expect(expiresAtInput({ expiration: "custom", expiresAt: "2031-05-06 07:08:09" })).toBe(date.toISOString());
    expect(expiresAtInput({ expiration: "permanent", expiresAt: "" })).toBeNull();
  });

  it("refuses other formats and impossible dates instead of rolling them over", () => {
    for (const bad of ["2031-05-06T07:08", "2031-05-06 07:08", "06/05/2031 07:08:09", "2031-02-30 10:00:00", "2031-05-06 24:00:00"]) {
      expect(parseDateTimeLocal(bad), bad).toBeNull();
      expect(expiryError(bad), bad).toMatch(/^Enter the expiry as YYYY-MM-DD HH:mm:ss, e\.g\. \d{4}-/);
    }
    expect(expiryError("")).toBe("Choose when the key expires");
  });

  it("refuses the past, today included, but keeps an unchanged stored expiry", () => {
    const aMinuteAgo = toDateTimeLocal(new Date(Date.now() - 60_000));
    expect(expiryError(aMinuteAgo)).toBe("Expiry must be in the future");
    expect(expiryError("2001-02-03 04:05:06")).toBe("Expiry must be in the future");
    expect(expiryError(aMinuteAgo, aMinuteAgo)).toBeUndefined();
    expect(expiryError(dateTimeLocalInDays(7))).toBeUndefined();
  });
});

describe("the form's own messages in the reader's language", () => {
  it("come from the translator it is given", () => {
    const tUk = createTranslator({ locale: "uk", messages: uk, namespace: "KeyDialogs.validation" });
    const issue = (expiresAt: string) =>
      keyFormSchema(tUk).safeParse({ ...base, expiresAt }).error?.issues.find((i) => i.path[0] === "expiresAt")?.message;
    expect(issue("")).toBe("Виберіть, коли завершується термін дії ключа");
    expect(issue("2031-05-06")).toMatch(/^Введіть термін дії у форматі YYYY-MM-DD HH:mm:ss, наприклад \d{4}-/);
    expect(issue("2001-02-03 04:05:06")).toBe("Термін дії має бути в майбутньому");
  });
});
