import { describe, expect, it } from "vitest";
import { loginSchema } from "./auth";
import { checkLoginFields } from "./login-fields";

/** What the server's schema says of each field: its first message, or nothing. */
function schemaErrors(values: { email: string; password: string }) {
  const result = loginSchema.safeParse(values);
  if (result.success) return {};
  const errors: { email?: string; password?: string } = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as "email" | "password";
    errors[field] ??= issue.message;
  }
  return errors;
}

const EMAILS = [
  "",
  "   ",
  "owner@acme.test",
  "  owner@acme.test  ",
  "first.last+tag@sub.example.co",
  "o'brien@example.org",
  "no-at-sign",
  "a@b",
  "a@b.c",
  "a@-b.com",
  ".lead@example.com",
  "two..dots@example.com",
  "trail.@example.com",
  "spaces in@example.com",
  "ü@example.com",
  "user@example.123",
  `${"a".repeat(310)}@example.com`,
];
const PASSWORDS = ["", " ", "demo-password", "x".repeat(1024), "x".repeat(1025)];

describe("the login form's checks", () => {
  it("give the server schema's message for every field, or none where it accepts", () => {
    for (const email of EMAILS) {
      for (const password of PASSWORDS) {
        expect(checkLoginFields({ email, password }), JSON.stringify({ email, password: password.length })).toEqual(
          schemaErrors({ email, password }),
        );
      }
    }
  });

  it("name the field and say what is wrong", () => {
    expect(checkLoginFields({ email: "", password: "" })).toEqual({ email: "Email is required", password: "Password is required" });
    expect(checkLoginFields({ email: "owner@", password: "x" })).toEqual({ email: "Enter a valid email address" });
    expect(checkLoginFields({ email: "owner@acme.test", password: "x" })).toEqual({});
  });
});
