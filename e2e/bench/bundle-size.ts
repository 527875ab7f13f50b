/**
 * First-load JavaScript of every app route, from the production build in `.next`: the root main
 * files plus every chunk the route's segments (layouts, page, loading) load, raw and gzipped
 * (level 9, as a CDN would serve it). Error and not-found boundaries load only when shown and are
 * not counted. Run after `npx next build`:
 *
 *   npx tsx e2e/bench/bundle-size.ts            every route
 *   npx tsx e2e/bench/bundle-size.ts --chunks   and each route's chunks, largest first
 *   npx tsx e2e/bench/bundle-size.ts login api-keys   only routes containing one of the words
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export type BundleSize = { route: string; files: number; raw: number; gzip: number; chunks: { file: string; raw: number; gzip: number }[] };

const sizeCache = new Map<string, { raw: number; gzip: number }>();

function chunkSize(next: string, file: string): { raw: number; gzip: number } {
  let size = sizeCache.get(file);
  if (!size) {
    const body = readFileSync(path.join(next, file));
    size = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    sizeCache.set(file, size);
  }
  return size;
}

/** `w/[slug]/api-keys/(list)` → `/w/[slug]/api-keys` (route groups are not in the URL). */
function routeOf(segmentPath: string): string {
  const parts = segmentPath.split("/").filter((p) => !(p.startsWith("(") && p.endsWith(")")));
  return `/${parts.join("/")}`;
}

/** The app's page manifests: `<segment path>` for each `page_client-reference-manifest.js`. */
function pageManifests(appDir: string, prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(appDir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...pageManifests(appDir, rel));
    else if (entry.name === "page_client-reference-manifest.js" && prefix) found.push(prefix);
  }
  return found;
}

/** First-load JS of the app route whose page lives at `segmentPath` (e.g. `w/[slug]/api-keys/(list)`). */
export function firstLoadJs(segmentPath: string, root = process.cwd()): BundleSize | null {
  const next = path.join(root, ".next");
  const file = path.join(next, "server/app", segmentPath, "page_client-reference-manifest.js");
  if (!existsSync(file)) return null;
  const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sandbox: { self?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  sandbox.self = sandbox;
  new Function("self", "globalThis", readFileSync(file, "utf8"))(sandbox, sandbox);
  const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
  if (!manifest) return null;
  const files = new Set(build.rootMainFiles);
  for (const [entry, entryFiles] of Object.entries(manifest.entryJSFiles)) {
    if (/not-found|global-error|forbidden|unauthorized|\/error$/.test(entry)) continue;
    for (const f of entryFiles) files.add(f);
  }
  const chunks = [...files].map((f) => ({ file: f, ...chunkSize(next, f) })).sort((a, b) => b.gzip - a.gzip);
  return {
    route: routeOf(segmentPath),
    files: chunks.length,
    raw: chunks.reduce((n, c) => n + c.raw, 0),
    gzip: chunks.reduce((n, c) => n + c.gzip, 0),
    chunks,
  };
}

/** Every app route of the build, sorted by path. */
export function allFirstLoadJs(root = process.cwd()): BundleSize[] {
  const appDir = path.join(root, ".next/server/app");
  if (!existsSync(appDir)) return [];
  return pageManifests(appDir)
    .map((p) => firstLoadJs(p, root))
    .filter((s): s is BundleSize => s !== null)
    .sort((a, b) => a.route.localeCompare(b.route));
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export function printBundleSizes(sizes: BundleSize[], withChunks = false): void {
  const width = Math.max(28, ...sizes.map((s) => s.route.length));
  console.log(`\n${"route".padEnd(width)} | ${"first-load JS".padStart(13)} | ${"gzip".padStart(9)} | chunks`);
  console.log(`${"-".repeat(width)}-|-${"-".repeat(13)}-|-${"-".repeat(9)}-|-------`);
  for (const s of sizes) {
    console.log(`${s.route.padEnd(width)} | ${kb(s.raw).padStart(13)} | ${kb(s.gzip).padStart(9)} | ${s.files}`);
    if (withChunks) for (const c of s.chunks) console.log(`${"".padEnd(width)} |   ${kb(c.gzip).padStart(9)} gzip  ${c.file}`);
  }
  console.log("");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const withChunks = args.includes("--chunks");
  const words = args.filter((a) => !a.startsWith("--"));
  const sizes = allFirstLoadJs().filter((s) => words.length === 0 || words.some((w) => s.route.includes(w)));
  if (sizes.length === 0) {
    console.error("No production build in .next (run `npx next build`).");
    process.exit(1);
  }
  printBundleSizes(sizes, withChunks);
}
