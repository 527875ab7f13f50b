import { z } from "zod";
import { EMAIL_MAX, LOGIN_MESSAGES, PASSWORD_MAX } from "./login-fields";

export const loginSchema = z.object({
  email: z.string().trim().min(1, LOGIN_MESSAGES.emailRequired).max(EMAIL_MAX, LOGIN_MESSAGES.emailInvalid).email(LOGIN_MESSAGES.emailInvalid),
  password: z.string().min(1, LOGIN_MESSAGES.passwordRequired).max(PASSWORD_MAX, "Password is too long"),
});

export type LoginInput = z.infer<typeof loginSchema>;
