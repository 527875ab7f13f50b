"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { THROTTLED_ERROR } from "@/lib/auth/sign-in-messages";
import { checkLoginFields, type LoginFieldErrors } from "@/lib/validations/login-fields";
import { signInWithPassword, signInWithSso } from "./sign-in";

/** next-auth's error for a refused sign-in, as the page says it (SPEC §4), in the reader's language. */
function messageOf(error: string | null | undefined, t: ReturnType<typeof useTranslations<"Auth">>): string {
  const [code, minutes] = (error ?? "").split(":");
  if (code === THROTTLED_ERROR && Number(minutes) > 0) return t("throttled", { minutes: Number(minutes) });
  return t("invalidCredentials");
}

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

// The login page is the first thing a visitor loads: plain state and fetch, no form library,
// no zod and no next-auth client (lib/validations/login-fields.ts keeps the server's messages).
export function LoginForm({ callbackUrl, oidc }: { callbackUrl: string; oidc: boolean }) {
  const t = useTranslations("Auth");
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<LoginFieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [ssoPending, setSsoPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const values = () => {
    const data = new FormData(form.current ?? undefined);
    return { email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") };
  };

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const input = values();
    const found = checkLoginFields(input);
    setErrors(found);
    if (found.email || found.password) {
      form.current?.querySelector<HTMLInputElement>(found.email ? "#email" : "#password")?.focus();
      return;
    }
    setError(null);
    setPending(true);
    try {
      const refused = await signInWithPassword(input.email.trim(), input.password, callbackUrl);
      if (refused === null) {
        // A full navigation: the next page renders on the server with the new session cookie.
        window.location.assign(callbackUrl);
        return;
      }
      setError(messageOf(refused, t));
    } catch {
      setError(t("unreachable"));
    }
    setPending(false);
  };

  // After the first submit, a field's message follows what is typed (as react-hook-form did).
  const onChange = () => {
    if (submitted) setErrors(checkLoginFields(values()));
  };

  return (
    <form ref={form} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-4">
      {/* The banner's space is kept, so the card does not jump when it appears. */}
      <div role="alert" id="sign-in-error" className="min-h-11">
        {error && (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">{error}</p>
        )}
      </div>
      <div>
        <Label htmlFor="email">{t("email")}</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          maxLength={320}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy(errors.email && "email-error", error && "sign-in-error")}
        />
        <FieldError id="email-error" message={errors.email} />
      </div>
      <div>
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy(errors.password && "password-error", error && "sign-in-error")}
        />
        <FieldError id="password-error" message={errors.password} />
      </div>
      <Button type="submit" className="w-full justify-center" pending={pending}>
        {t("signIn")}
      </Button>
      {oidc && (
        <Button
          variant="secondary"
          className="w-full justify-center"
          pending={ssoPending}
          onClick={() => {
            setSsoPending(true);
            signInWithSso(callbackUrl).catch(() => {
              setSsoPending(false);
              setError(t("unreachable"));
            });
          }}
        >
          {t("signInSso")}
        </Button>
      )}
    </form>
  );
}
