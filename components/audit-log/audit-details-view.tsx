import { LocalTime } from "@/components/ui/local-time";
import { auditDetailSentences } from "./audit-details";

/** An event's details, one sentence a line, times in the viewer's zone. */
export function AuditDetails({ action, details, className }: { action: string; details: Record<string, unknown>; className?: string }) {
  const sentences = auditDetailSentences(action, details);
  if (sentences.length === 0) return null;
  return (
    <ul className={className}>
      {sentences.map((sentence, i) => (
        <li key={i} className="break-words">
          {sentence.map((part, j) => (typeof part === "string" ? part : <LocalTime key={j} iso={part.time} className="tabular-nums" />))}
        </li>
      ))}
    </ul>
  );
}
