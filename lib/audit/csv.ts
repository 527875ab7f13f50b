import type { AuditEventView } from "./queries";

export const AUDIT_CSV_HEADER = [
  "Time (UTC)",
  "Actor",
  "Actor user ID",
  "Actor key ID",
  "Action",
  "Target type",
  "Target ID",
  "Target",
  "IP",
  "Details",
] as const;

// Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-looking text is defused with a leading quote, then the cell is quoted. */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function auditEventCsvRow(event: AuditEventView): string {
  return csvRow([
    event.createdAt,
    event.actorName,
    event.actorUserId,
    event.actorKeyId,
    event.action,
    event.targetType,
    event.targetId,
    event.targetName,
    event.ip,
    Object.keys(event.details).length ? JSON.stringify(event.details) : "",
  ]);
}

/** The CSV file as a stream, written batch by batch so a long log never sits in memory. */
export function auditCsvStream(batches: AsyncIterable<AuditEventView[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_HEADER)));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(auditEventCsvRow).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
