import { describe, expect, it } from "vitest";
import { formatDateTime, relativeTime } from "./local-time";

const now = Date.parse("2026-12-01T12:00:00Z");
const at = (seconds: number) => new Date(now + seconds * 1000);

describe("relativeTime", () => {
  it("says how long ago or until, in the largest whole unit", () => {
    expect(relativeTime(at(-3 * 86_400), now)).toBe("3 days ago");
    expect(relativeTime(at(5 * 86_400 + 3600), now)).toBe("in 5 days");
    expect(relativeTime(at(-86_400), now)).toBe("yesterday");
    expect(relativeTime(at(-90 * 60), now)).toBe("1 hour ago");
    expect(relativeTime(at(-10 * 60), now)).toBe("10 minutes ago");
    expect(relativeTime(at(-20), now)).toBe("now");
    expect(relativeTime(at(-14 * 86_400), now)).toBe("2 weeks ago");
    expect(relativeTime(at(-400 * 86_400), now)).toBe("last year");
    expect(relativeTime(at(-3 * 365 * 86_400), now)).toBe("3 years ago");
  });
});

describe("relativeTime in the reader's language", () => {
  it("uses Ukrainian words and all its plural forms", () => {
    expect(relativeTime(at(86_400), now, "uk")).toBe("завтра");
    expect(relativeTime(at(-86_400), now, "uk")).toBe("учора");
    expect(relativeTime(at(3 * 86_400), now, "uk")).toBe("через 3 дні");
    expect(relativeTime(at(-3 * 86_400), now, "uk")).toBe("3 дні тому");
    expect(relativeTime(at(5 * 86_400), now, "uk")).toBe("через 5 днів");
    expect(relativeTime(at(21 * 86_400 + 60), now, "uk")).toBe("через 3 тижні");
    expect(relativeTime(at(-3 * 3600), now, "uk")).toBe("3 години тому");
    expect(relativeTime(at(-21 * 60), now, "uk")).toBe("21 хвилину тому");
    expect(relativeTime(at(-11 * 60), now, "uk")).toBe("11 хвилин тому");
    expect(relativeTime(at(-20), now, "uk")).toBe("зараз");
  });

  it("uses Chinese", () => {
    expect(relativeTime(at(-3 * 86_400), now, "zh-CN")).toBe("3天前");
    expect(relativeTime(at(5 * 86_400 + 3600), now, "zh-CN")).toBe("5天后");
    expect(relativeTime(at(-86_400), now, "zh-CN")).toBe("昨天");
    expect(relativeTime(at(-20), now, "zh-CN")).toBe("现在");
    expect(relativeTime(at(-400 * 86_400), now, "zh-CN")).toBe("去年");
  });
});

describe("formatDateTime", () => {
  it("is YYYY-MM-DD HH:mm:ss, 24-hour", () => {
    expect(formatDateTime(new Date("2024-01-02T21:05:09Z"), true)).toBe("2024-01-02 21:05:09");
  });
});
