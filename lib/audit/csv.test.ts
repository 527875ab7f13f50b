import { describe, expect, it } from "vitest";
import { auditCsvStream, auditEventCsvRow, csvCell } from "./csv";
import type { AuditEventView } from "./queries";

const event = (over: Partial<AuditEventView> = {}): AuditEventView => ({
  id: "1",
  action: "role.create",
  actorName: "Olga Owner",
  actorUserId: "7d1c4f8e-6a8b-4d0e-9d55-0b1b4c9f3a11",
  actorKeyId: null,
  targetType: "role",
  targetId: "r1",
  targetName: "Auditor",
  details: {},
  ip: "203.0.113.9",
  createdAt: "2025-03-01T10:00:00.000Z",
  ...over,
});

describe("audit CSV", () => {
  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\t=1")).toBe(`"'\t=1"`);
    expect(csvCell("plain, with comma\nand newline")).toBe(`"plain, with comma\nand newline"`);
    expect(csvCell(null)).toBe(`""`);
  });

  it("writes one row per event with the details as JSON, and a malicious target name stays inert", () => {
    const row = auditEventCsvRow(event({ targetName: "=cmd|' /C calc'!A0", details: { permissions: ["audit:read"] } }));
    expect(row).toBe(
      `"2025-03-01T10:00:00.000Z","Olga Owner","7d1c4f8e-6a8b-4d0e-9d55-0b1b4c9f3a11","","role.create","role","r1","'=cmd|' /C calc'!A0","203.0.113.9","{""permissions"":[""audit:read""]}"\r\n`,
    );
  });

  it("streams the header then every batch", async () => {
    async function* batches() {
      yield [event({ id: "2", targetName: "B" })];
      yield [event({ id: "1", targetName: "A" })];
    }
    const text = await new Response(auditCsvStream(batches())).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(`"Time (UTC)","Actor","Actor user ID","Actor key ID","Action","Target type","Target ID","Target","IP","Details"`);
    expect(lines.slice(1).map((l) => l.split(",")[7])).toEqual([`"B"`, `"A"`]);
  });
});
