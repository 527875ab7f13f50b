"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Signs out with next-auth's own endpoint (CSRF token, then a form POST), without loading
 * next-auth's browser client (13 kB gzip) on every page of the console for one button.
 */
async function signOut(callbackUrl: string): Promise<void> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const form = document.createElement("form");
  form.method = "POST";
  form.action = "/api/auth/signout";
  for (const [name, value] of Object.entries({ csrfToken, callbackUrl })) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}

export function SignOutButton() {
  const t = useTranslations("Header");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={async () => {
        setPending(true);
        try {
          await signOut("/login");
        } catch {
          setPending(false);
        }
      }}
    >
      {t("signOut")}
    </Button>
  );
}
