"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { loginSchema, type LoginInput } from "@/lib/validations/auth";
import { THROTTLED_ERROR, throttledMessage } from "@/lib/auth/sign-in-messages";

/** next-auth's error for a refused sign-in, as the page says it (SPEC §4). */
function messageOf(error: string | null | undefined): string {
  const [code, minutes] = (error ?? "").split(":");
  if (code === THROTTLED_ERROR && Number(minutes) > 0) return throttledMessage(Number(minutes));
  return "Invalid email or password";
}

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

export function LoginForm({ callbackUrl, oidc }: { callbackUrl: string; oidc: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error) {
      setError(messageOf(res?.error));
      return;
    }
    // A full navigation: the next page renders on the server with the new session cookie.
    window.location.assign(callbackUrl);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {/* The banner's space is kept, so the card does not jump when it appears. */}
      <div role="alert" id="sign-in-error" className="min-h-11">
        {error && (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">{error}</p>
        )}
      </div>
      <div>
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy(errors.email && "email-error", error && "sign-in-error")}
          {...register("email")}
        />
        <FieldError id="email-error" message={errors.email?.message} />
      </div>
      <div>
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy(errors.password && "password-error", error && "sign-in-error")}
          {...register("password")}
        />
        <FieldError id="password-error" message={errors.password?.message} />
      </div>
      <Button type="submit" className="w-full justify-center" pending={isSubmitting}>
        Sign in
      </Button>
      {oidc && (
        <Button variant="secondary" className="w-full justify-center" onClick={() => signIn("oidc", { callbackUrl })}>
          Sign in with single sign-on
        </Button>
      )}
    </form>
  );
}
