import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale routing: the language comes from the user or the browser, not the URL.
// The message files are compiled at build time (precompile): the browser gets no ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules, not bundled: the custom server (server.ts) and Next's bundles
  // must share one PGlite instance and one postgres.js pool per process.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // forbidden() answers pages a member may not open with a real HTTP 403 (app/w/[slug]/forbidden.tsx).
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // Security headers: server.ts sets the baseline on every response, proxy.ts the console's CSP.
};

export default withNextIntl(nextConfig);
