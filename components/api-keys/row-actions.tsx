"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { Menu, MenuItem } from "@/components/ui/menu";
import type { ApiKeyView } from "@/lib/keys/types";
import { DotsIcon } from "./icons";
import { useKeyDialogs } from "./key-dialogs";
import { useLifecycleDialogs } from "./lifecycle-dialogs";

/**
 * The row menu "Actions": only what the viewer may do with this key. Every row action is one
 * `<MenuItem>` here, in menu order (a new one: `{apiKey.can.x && <MenuItem onSelect={…}>Label</MenuItem>}`;
 * a dialog it opens joins `useKeyDialogs` in ./key-dialogs.tsx, loaded on first open). The menu's
 * Radix code loads when the button is hovered, focused or pressed (components/ui/menu.tsx).
 */
export function RowActions({ slug, apiKey }: { slug: string; apiKey: ApiKeyView }) {
  const t = useTranslations("ApiKeys.rowActions");
  const router = useRouter();
  const dialogs = useKeyDialogs();
  const lifecycle = useLifecycleDialogs();
  const wrapper = useRef<HTMLSpanElement>(null);
  // Dialogs give focus back to this row's "Actions" button when they close.
  const trigger = () => wrapper.current?.querySelector("button") ?? null;
  return (
    <span ref={wrapper} className="inline-flex">
      <Menu label={t("label")} trigger={<DotsIcon />}>
        <MenuItem onSelect={() => router.push(`/w/${slug}/api-keys/${apiKey.id}`)}>{t("viewDetails")}</MenuItem>
        {apiKey.can.modify && <MenuItem onSelect={() => dialogs.openModify(apiKey, trigger())}>{t("modify")}</MenuItem>}
        {apiKey.can.modify && <MenuItem onSelect={() => lifecycle.openRoll(apiKey, trigger())}>{t("roll")}</MenuItem>}
        {apiKey.can.modify &&
          (apiKey.enabled ? (
            <MenuItem onSelect={() => lifecycle.openDisable(apiKey, trigger())}>{t("disable")}</MenuItem>
          ) : (
            <MenuItem onSelect={() => void lifecycle.enable(apiKey)}>{t("enable")}</MenuItem>
          ))}
        {apiKey.can.delete && (
          <MenuItem destructive onSelect={() => dialogs.openDelete(apiKey, trigger())}>
            {t("delete")}
          </MenuItem>
        )}
      </Menu>
    </span>
  );
}
