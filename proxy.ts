import { NextResponse, type NextRequest } from "next/server";

/**
 * The console's Content-Security-Policy, with a fresh nonce per request: Next puts the nonce
 * on its own inline and bundle scripts when it finds it in the request's CSP header (every
 * page renders dynamically, see app/layout.tsx). 'strict-dynamic' lets those scripts load the
 * chunks they import. Styles stay 'unsafe-inline': React and the UI primitives set style
 * attributes, which a nonce cannot cover. Development needs 'unsafe-eval' for Fast Refresh.
 */
function policy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = policy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: not the Open API (server.ts answers it before Next), next-auth's JSON routes or
  // static files, and not prefetches (their HTML is never parsed as a document).
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
