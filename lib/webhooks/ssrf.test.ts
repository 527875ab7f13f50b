import { describe, expect, it } from "vitest";
import { KEY_EVENT_TYPES } from "@/lib/keys/events";
import { WEBHOOK_EVENT_TYPES } from "@/lib/validations/webhooks";
import { checkWebhookTarget, isPublicAddress } from "./ssrf";

const resolvesTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("webhook SSRF guard", () => {
  it.each([
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "255.255.255.255", "224.0.0.1",
    "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::7f00:1", "ff02::1",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows the public address %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("refuses URLs to private addresses, by literal or by name, unless private networks are allowed", async () => {
    for (const url of ["https://127.0.0.1/h", "https://[::1]/h", "https://[::ffff:127.0.0.1]/h", "https://169.254.169.254/latest/meta-data", "https://10.0.0.8/h"]) {
      expect(await checkWebhookTarget(url, { allowPrivate: false })).toMatchObject({ ok: false, message: expect.stringContaining("private, loopback or link-local") });
    }
    // `localhost` resolves to 127.0.0.1 offline, through the system resolver.
    expect(await checkWebhookTarget("https://localhost/h", { allowPrivate: false })).toMatchObject({ ok: false });
    // A name with one private address among public ones is refused too.
    expect(await checkWebhookTarget("https://hooks.example.com/h", { allowPrivate: false, resolve: resolvesTo("93.184.215.14", "127.0.0.1") })).toMatchObject({ ok: false });
    expect(await checkWebhookTarget("https://hooks.example.com/h", { allowPrivate: false, resolve: resolvesTo("93.184.215.14") })).toMatchObject({
      ok: true,
      target: { address: "93.184.215.14", family: 4 },
    });
    expect(await checkWebhookTarget("https://localhost/h", { allowPrivate: true })).toMatchObject({ ok: true, target: { address: "127.0.0.1" } });
  });

  it("requires https://, except http:// to a private address when private networks are allowed", async () => {
    expect(await checkWebhookTarget("http://93.184.215.14/h", { allowPrivate: false })).toEqual({ ok: false, message: "The URL must start with https://" });
    expect(await checkWebhookTarget("http://93.184.215.14/h", { allowPrivate: true })).toEqual({ ok: false, message: "The URL must start with https://" });
    expect(await checkWebhookTarget("http://127.0.0.1:8080/h", { allowPrivate: false })).toMatchObject({ ok: false });
    expect(await checkWebhookTarget("http://127.0.0.1:8080/h", { allowPrivate: true })).toMatchObject({ ok: true });
    expect(await checkWebhookTarget("ftp://93.184.215.14/h")).toMatchObject({ ok: false, message: "The URL must start with https://" });
    expect(await checkWebhookTarget("https://user:pw@93.184.215.14/h")).toMatchObject({ ok: false });
    expect(await checkWebhookTarget("https://no-such-host.invalid/h", { resolve: async () => Promise.reject(new Error("ENOTFOUND")) })).toMatchObject({
      ok: false,
      message: "The host no-such-host.invalid could not be resolved",
    });
  });

  it("reads WEBHOOK_ALLOW_PRIVATE_NETWORKS=true from the environment", async () => {
    const before = process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
    try {
      process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
      expect((await checkWebhookTarget("http://127.0.0.1/h")).ok).toBe(true);
      process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "1";
      expect((await checkWebhookTarget("http://127.0.0.1/h")).ok).toBe(false);
    } finally {
      if (before === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
      else process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = before;
    }
  });

  it("offers every key event of lib/keys plus webhook.test", () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual([...KEY_EVENT_TYPES, "webhook.test"]);
  });
});
