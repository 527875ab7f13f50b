/**
 * `npm run lint:openapi`: writes the generated openapi.json to a temporary file and lints it with
 * Redocly (redocly.yaml: the recommended ruleset). Fails on any error or warning.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildOpenApiDocument } from "./document";
import { ROUTES } from "./routes";

const dir = mkdtempSync(path.join(tmpdir(), "keyward-openapi-"));
const file = path.join(dir, "openapi.json");
try {
  writeFileSync(file, JSON.stringify(buildOpenApiDocument(ROUTES), null, 2));
  const run = spawnSync("npx", ["redocly", "lint", file, "--config", "redocly.yaml", "--format", "json"], { encoding: "utf8" });
  const start = run.stdout.indexOf("{");
  const report = JSON.parse(start >= 0 ? run.stdout.slice(start) : "{}") as {
    totals?: { errors: number; warnings: number };
    problems?: { ruleId: string; severity: string; message: string; location?: { pointer?: string }[] }[];
  };
  if (!report.totals) {
    process.stderr.write(`redocly did not report (exit ${run.status}):\n${run.stderr}\n`);
    process.exit(1);
  }
  for (const p of report.problems ?? []) {
    process.stderr.write(`${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? "?"}\n`);
  }
  const { errors, warnings } = report.totals;
  process.stdout.write(`openapi.json (${ROUTES.length} routes): ${errors} errors, ${warnings} warnings\n`);
  process.exitCode = errors + warnings === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
