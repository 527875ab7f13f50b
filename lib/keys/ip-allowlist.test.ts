import { describe, expect, it } from "vitest";
import { allowlistNeverMatches, IpAllowlist, parseAllowlistEntry } from "./ip-allowlist";
import { ipAllowlistSchema, ipAllowlistTextSchema, rateLimitSchema } from "./restrictions";

describe("allowlist lines", () => {
  it.each(["203.0.113.7", "10.0.0.0/8", "0.0.0.0/0", "2001:db8::1", "2001:db8::/32", "::/0", "::ffff:10.0.0.0/104", "192.0.2.1/32"])(
    "accepts %s",
    (line) => expect(parseAllowlistEntry(line)).not.toBeNull(),
  );

  it.each(["", "localhost", "1.2.3", "010.0.0.1", "0x7f.0.0.1", "256.1.1.1", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/-1", "fe80::1%eth0", "1.2.3.4/8/8", "10.0.0.0/08x"])(
    "refuses %j",
    (line) => expect(parseAllowlistEntry(line)).toBeNull(),
  );

  it("reads an IPv4-mapped IPv6 range as the IPv4 range it maps", () => {
    const [address, bits] = parseAllowlistEntry("::ffff:10.0.0.0/104")!;
    expect([address.toString(), bits]).toEqual(["10.0.0.0", 8]);
  });
});

describe("IpAllowlist", () => {
  const list = new IpAllowlist(["203.0.113.0/24", "198.51.100.7", "2001:db8::/32", "::ffff:192.0.2.0/120"]);

  it.each([
    ["203.0.113.0", true],
    ["203.0.113.255", true],
    ["203.0.112.255", false],
    ["203.0.114.0", false],
    ["198.51.100.7", true],
    ["198.51.100.8", false],
    ["2001:db8::1", true],
    ["2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true],
    ["2001:db9::", false],
    ["::ffff:203.0.113.9", true],
    ["::ffff:cb00:7109", true],
    ["::ffff:cb00:7209", false],
    ["192.0.2.200", true],
    ["unknown", false],
    ["", false],
  ])("%s → %s", (address, allowed) => {
    expect(list.allows(address)).toBe(allowed);
    // The memoised answer is the same.
    expect(list.allows(address)).toBe(allowed);
  });

  it("an IPv4 range never matches an IPv6 address outside ::ffff:0:0/96, nor the reverse", () => {
    expect(new IpAllowlist(["0.0.0.0/0"]).allows("2001:db8::1")).toBe(false);
    expect(new IpAllowlist(["::/0"]).allows("203.0.113.1")).toBe(false);
    expect(new IpAllowlist(["0.0.0.0/0"]).allows("::ffff:203.0.113.1")).toBe(true);
  });

  it("stays bounded and correct when callers rotate addresses", () => {
    const one = new IpAllowlist(["10.0.0.0/16"]);
    for (let i = 0; i < 3000; i++) expect(one.allows(`10.${i % 2 ? 0 : 1}.${(i >> 8) & 255}.${i & 255}`)).toBe(i % 2 === 1);
  });
});

describe("a list that can never match", () => {
  it.each([
    [["0.0.0.0"], true],
    [["224.0.0.1", "255.255.255.255", "ff02::1", "::"], true],
    [["224.0.0.0/3"], false],
    [["0.0.0.0/0"], false],
    [["0.0.0.0", "203.0.113.7"], false],
    [[], false],
  ])("%j → %s", (lines, never) => expect(allowlistNeverMatches(lines)).toBe(never));
});

describe("the restrictions schemas", () => {
  it("names the first invalid line", () => {
    const parsed = ipAllowlistTextSchema.safeParse("10.0.0.1\n  not-an-ip  \n300.1.1.1");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("Not an IP address or CIDR range: not-an-ip");
  });

  it("drops blank lines and duplicates, keeps at most 50", () => {
    expect(ipAllowlistTextSchema.parse("\n10.0.0.1\n\n 10.0.0.1 \r\n::1\n")).toEqual(["10.0.0.1", "::1"]);
    const fifty = Array.from({ length: 50 }, (_, i) => `10.0.0.${i}`);
    expect(ipAllowlistSchema.parse(fifty)).toHaveLength(50);
    const refused = ipAllowlistSchema.safeParse([...fifty, "10.0.1.1"]);
    expect(refused.error?.issues[0]?.message).toBe("At most 50 IP addresses or CIDR ranges");
  });

  it("accepts a lock-out list (the admin's choice)", () => {
    expect(ipAllowlistSchema.parse(["0.0.0.0"])).toEqual(["0.0.0.0"]);
  });

  it.each([
    [{ limit: 0, window: "second" }, "Rate limit must be at least 1"],
    [{ limit: 1_000_001, window: "hour" }, "Rate limit must be at most 1,000,000"],
    [{ limit: 1.5, window: "minute" }, "Rate limit must be a whole number"],
    [{ limit: "10", window: "minute" }, "Rate limit must be a number of requests"],
    [{ limit: 10, window: "day" }, 'Rate limit window must be "second", "minute" or "hour"'],
  ])("refuses the rate limit %j", (input, message) => {
    expect(rateLimitSchema.safeParse(input).error?.issues[0]?.message).toBe(message);
  });

  it("accepts 1 and 1,000,000 per window, and null", () => {
    expect(rateLimitSchema.parse({ limit: 1, window: "second" })).toEqual({ limit: 1, window: "second" });
    expect(rateLimitSchema.parse({ limit: 1_000_000, window: "hour" })).toEqual({ limit: 1_000_000, window: "hour" });
    expect(rateLimitSchema.parse(null)).toBeNull();
  });
});
