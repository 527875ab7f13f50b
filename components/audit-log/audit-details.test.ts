import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import uk from "@/lib/i18n/messages/uk.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { actionLabel, targetTypeLabel } from "./action-labels";
import { auditDetailSentences, auditDetailText } from "./audit-details";

const t = createTranslator({ locale: "en", messages: en, namespace: "AuditLog" });
const tZh = createTranslator({ locale: "zh-CN", messages: zh, namespace: "AuditLog" });
const tUk = createTranslator({ locale: "uk", messages: uk, namespace: "AuditLog" });

describe("audit details as sentences", () => {
  it("describes a key modification: rename, roles added and removed, expiry", () => {
    const details = {
      changes: {
        name: { from: "ui-desktop-light", to: "ui-desktop-light-renamed" },
        roles: { from: ["Read-only"], to: ["Standard"] },
        expiresAt: { from: null, to: "2026-12-31T19:20:00.000Z" },
        description: { from: "", to: "Nightly export" },
      },
    };
    expect(auditDetailSentences("api_key.modify", details, t)).toEqual([
      ["Renamed from “ui-desktop-light” to “ui-desktop-light-renamed”"],
      ["Roles: ", "+ ", { role: "Standard", builtIn: "standard" }, " ", "− ", { role: "Read-only", builtIn: "read_only" }],
      ["Expires: ", "never", " → ", { time: "2026-12-31T19:20:00.000Z" }],
      ["Description: ", "none", " → ", "“Nightly export”"],
    ]);
    expect(auditDetailText("api_key.modify", details, t)).toBe(
      "Renamed from “ui-desktop-light” to “ui-desktop-light-renamed” · Roles: + Standard − Read-only · Expires: never → 2026-12-31T19:20:00.000Z · Description: none → “Nightly export”",
    );
  });

  it("describes a created key and a member's role change without raw JSON", () => {
    expect(auditDetailText("api_key.create", { roles: ["Read-only"], expiresAt: null }, t)).toBe("Roles: Read-only · Expires: never");
    expect(auditDetailText("member.update_roles", { from: ["Read-only"], to: ["Standard", "Read-only"] }, t)).toBe("Roles: + Standard");
    expect(auditDetailText("workspace.rename", { from: "Acme", to: "Acme Inc" }, t)).toBe("Renamed from “Acme” to “Acme Inc”");
    // A custom role is named as its creator named it.
    expect(auditDetailSentences("member.add", { roles: ["Auditors", "Owner"] }, t)).toEqual([
      ["Roles: ", { role: "Auditors", builtIn: null }, ", ", { role: "Owner", builtIn: "owner" }],
    ]);
  });

  it("names settings in words and booleans as on/off", () => {
    expect(auditDetailText("workspace.update_settings", { showSecretsOnce: { from: false, to: true }, storedSecretsDeleted: true }, t)).toBe(
      "Show secrets only once: off → on · Stored secrets deleted: on",
    );
    expect(auditDetailText("shared_secret.rotate", { gracePeriod: "1h", previousValidUntil: "2026-12-01T20:00:00.000Z" }, t)).toBe(
      "Grace period: 1h · Previous secret valid until: 2026-12-01T20:00:00.000Z",
    );
    expect(auditDetailText("role.update", { permissionsAdded: ["audit:read"], someNewField: 3 }, t)).toBe(
      "Permissions added: audit:read · Some New Field: 3",
    );
    expect(auditDetailText("api_key.rolled", { previousSecretValidUntil: null }, t)).toBe("Previous Secret Valid Until: none");
    expect(auditDetailText("api_key.reveal", {}, t)).toBe("");
  });

  it("keeps the English of values recorded in English: rate limits, plans, policies, reasons", () => {
    expect(auditDetailText("api_key.modify", { changes: { rateLimit: { from: "No limit", to: "1,000 requests per minute" } } }, t)).toBe(
      "Rate limit: No limit → 1,000 requests per minute",
    );
    expect(auditDetailText("api_key.create", { rateLimit: "1 request per second" }, t)).toBe("Rate limit: 1 request per second");
    expect(auditDetailSentences("workspace.change_plan", { plan: { from: "Free", to: "Business" } }, t)).toEqual([
      ["Plan: ", { plan: "free", name: "Free" }, " → ", { plan: "business", name: "Business" }],
    ]);
    expect(auditDetailText("workspace.leak_policy", { leakPolicy: { from: "Disable it", to: "Only notify" } }, t)).toBe(
      "When a key is reported leaked: Disable it → Only notify",
    );
    expect(auditDetailText("api_key.previous_secret_expired", { reason: "grace period ended", hint: "…a1b2" }, t)).toBe(
      "Reason: grace period ended · Hint: …a1b2",
    );
  });

  it("speaks Chinese and Ukrainian, data left as recorded", () => {
    const details = {
      changes: {
        name: { from: "ci", to: "ci-2" },
        expiresAt: { from: null, to: "2026-12-31T19:20:00.000Z" },
        rateLimit: { from: "No limit", to: "100 requests per minute" },
        ipAllowlist: { from: [], to: ["198.51.100.0/24"] },
      },
    };
    expect(auditDetailText("api_key.modify", details, tZh)).toBe(
      "已从“ci”重命名为“ci-2” · 过期时间：永不 → 2026-12-31T19:20:00.000Z · 速率限制：无限制 → 每分钟 100 次请求 · 允许的 IP 地址：+ 198.51.100.0/24",
    );
    expect(auditDetailText("api_key.modify", details, tUk)).toBe(
      "Перейменовано з «ci» на «ci-2» · Термін дії: ніколи → 2026-12-31T19:20:00.000Z · Обмеження частоти: Без обмежень → 100 запитів за хвилину · Дозволені IP-адреси: + 198.51.100.0/24",
    );
    expect(auditDetailText("api_key.create", { rateLimit: "2 requests per second" }, tUk)).toBe("Обмеження частоти: 2 запити за секунду");
    expect(auditDetailText("workspace.update_settings", { showSecretsOnce: { from: false, to: true } }, tZh)).toBe("密钥仅显示一次：关闭 → 开启");
    expect(auditDetailText("member.update_roles", { from: ["Read-only"], to: ["Read-only"] }, tUk)).toBe("Ролі: без змін");
  });
});

describe("audit action labels", () => {
  it("names known actions in the reader's language and shows unknown ones as their code", () => {
    expect(actionLabel("api_key.create", t)).toBe("API key created");
    expect(actionLabel("api_key.update", t)).toBe("API key modified");
    expect(actionLabel("role.create", tZh)).toBe("已创建角色");
    expect(actionLabel("member.remove", tUk)).toBe("Учасника вилучено");
    expect(actionLabel("something.new", tUk)).toBe("something.new");
    expect(actionLabel("toString", t)).toBe("toString");
    expect(targetTypeLabel("api_key", t)).toBe("api key");
    expect(targetTypeLabel("shared_secret", tUk)).toBe("спільний секрет");
    expect(targetTypeLabel("other_thing", t)).toBe("other thing");
  });
});
