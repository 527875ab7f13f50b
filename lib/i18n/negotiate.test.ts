import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate";

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["*", "en"],
    ["en-US,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["uk-UA,uk;q=0.9", "uk"],
    ["uk", "uk"],
    ["de-DE,uk;q=0.5,en;q=0.4", "uk"],
    ["fr-FR,fr;q=0.9", "en"],
    ["en;q=0.1,uk;q=0.9", "uk"],
    ["!!!,@@@", "en"],
    ["x".repeat(2000), "en"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
