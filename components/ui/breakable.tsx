import { Fragment } from "react";

/**
 * A name or address that may wrap only after "_", ".", "@" or "/" (hyphens and spaces already
 * allow it), so "rharman_automation_rw" breaks as "rharman_automation_ / rw", never mid-word.
 * A single segment wider than its box still wraps (`break-words`) rather than overflowing.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[_.@/])/);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
