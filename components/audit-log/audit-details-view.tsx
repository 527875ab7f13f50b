import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { RoleName } from "@/components/ui/role-name";
import { auditDetailSentences, type DetailPart } from "./audit-details";

function Part({ part }: { part: DetailPart }) {
  const plans = useTranslations("Common.plans");
  if (typeof part === "string") return part;
  if ("time" in part) return <LocalTime iso={part.time} className="tabular-nums" />;
  if ("role" in part) return <RoleName name={part.role} builtIn={part.builtIn} />;
  return plans(part.plan);
}

/** An event's details, one sentence a line, in the reader's language, times in the viewer's zone. */
export function AuditDetails({ action, details, className }: { action: string; details: Record<string, unknown>; className?: string }) {
  const t = useTranslations("AuditLog");
  const sentences = auditDetailSentences(action, details, t);
  if (sentences.length === 0) return null;
  return (
    <ul className={className}>
      {sentences.map((sentence, i) => (
        <li key={i} className="break-words">
          {sentence.map((part, j) => (
            <Part key={j} part={part} />
          ))}
        </li>
      ))}
    </ul>
  );
}
