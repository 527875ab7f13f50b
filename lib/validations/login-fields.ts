/**
 * The sign-in form's field checks without zod: the login page validates in the browser with
 * these (it must not load the app's form libraries), the server with `loginSchema` (./auth.ts),
 * which uses the same messages and zod's own email pattern. `login-fields.test.ts` holds them equal.
 */
export const LOGIN_MESSAGES = {
  emailRequired: "Email is required",
  emailInvalid: "Enter a valid email address",
  passwordRequired: "Password is required",
} as const;

export const EMAIL_MAX = 320;
export const PASSWORD_MAX = 1024;

/** zod 4's `z.email()` default pattern (zod/v4/core/regexes `email`). */
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export type LoginFieldErrors = { email?: string; password?: string };

/** The first problem of each field, as the form shows it under the field. */
export function checkLoginFields(values: { email: string; password: string }): LoginFieldErrors {
  const errors: LoginFieldErrors = {};
  const email = values.email.trim();
  if (email.length === 0) errors.email = LOGIN_MESSAGES.emailRequired;
  else if (email.length > EMAIL_MAX || !EMAIL_PATTERN.test(email)) errors.email = LOGIN_MESSAGES.emailInvalid;
  if (values.password.length === 0) errors.password = LOGIN_MESSAGES.passwordRequired;
  else if (values.password.length > PASSWORD_MAX) errors.password = "Password is too long";
  return errors;
}
