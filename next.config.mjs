import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale routing: the language comes from the user or the browser, not the URL.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

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
