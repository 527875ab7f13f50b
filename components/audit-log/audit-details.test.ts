import { describe, expect, it } from "vitest";
import { auditDetailSentences, auditDetailText } from "./audit-details";

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
    expect(auditDetailSentences("api_key.modify", details)).toEqual([
      ["Renamed from “ui-desktop-light” to “ui-desktop-light-renamed”"],
      ["Roles: + Standard − Read-only"],
      ["Expires: ", "never", " → ", { time: "2026-12-31T19:20:00.000Z" }],
      ["Description: ", "none", " → ", "“Nightly export”"],
    ]);
  });

  it("describes a created key and a member's role change without raw JSON", () => {
    expect(auditDetailText("api_key.create", { roles: ["Read-only"], expiresAt: null })).toBe("Roles: Read-only · Expires: never");
    expect(auditDetailText("member.update_roles", { from: ["Read-only"], to: ["Standard", "Read-only"] })).toBe("Roles: + Standard");
    expect(auditDetailText("workspace.rename", { from: "Acme", to: "Acme Inc" })).toBe("Renamed from “Acme” to “Acme Inc”");
  });

  it("names settings in words and booleans as on/off", () => {
    expect(auditDetailText("workspace.update_settings", { showSecretsOnce: { from: false, to: true }, storedSecretsDeleted: true })).toBe(
      "Show secrets only once: off → on · Stored secrets deleted: on",
    );
    expect(auditDetailText("shared_secret.rotate", { gracePeriod: "1h", previousValidUntil: "2026-12-01T20:00:00.000Z" })).toBe(
      "Grace period: 1h · Previous secret valid until: 2026-12-01T20:00:00.000Z",
    );
    expect(auditDetailText("role.update", { permissionsAdded: ["audit:read"], someNewField: 3 })).toBe(
      "Permissions added: audit:read · Some New Field: 3",
    );
    expect(auditDetailText("api_key.reveal", {})).toBe("");
  });
});
