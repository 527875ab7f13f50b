/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules, not bundled: the custom server (server.ts) and Next's bundles
  // must share one PGlite instance and one postgres.js pool per process.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // forbidden() answers pages a member may not open with a real HTTP 403 (app/w/[slug]/forbidden.tsx).
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

export default nextConfig;
