/**
 * Sign-in without `next-auth/react` (which would ship its session client to the login page):
 * the two requests its `signIn` makes. next-auth answers `{ url }`; a refused credentials
 * sign-in carries its error in that URL's `error` parameter.
 */

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`csrf ${res.status}`);
  const body = (await res.json()) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== "string") throw new Error("csrf token missing");
  return body.csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<string> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
  const data = (await res.json().catch(() => ({}))) as { url?: unknown };
  if (typeof data.url !== "string") throw new Error(`sign-in ${res.status}`);
  return data.url;
}

/** `null` when signed in (the session cookie is set), else next-auth's error code. */
export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<string | null> {
  const url = await post("/api/auth/callback/credentials", { email, password, callbackUrl });
  return new URL(url, window.location.href).searchParams.get("error");
}

/** Leaves for the identity provider (next-auth's OAuth sign-in answers its authorize URL). */
export async function signInWithSso(callbackUrl: string): Promise<void> {
  window.location.assign(await post("/api/auth/signin/oidc", { callbackUrl }));
}
