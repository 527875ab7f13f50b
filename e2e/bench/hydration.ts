/**
 * How soon the API keys list answers clicks: starts the e2e server (the production build in
 * `.next`, a fresh database with the demo data), signs in as the Administrator, then loads
 * /w/acme/api-keys in a fresh browser context (cold cache, as a first visit) RUNS times and
 * reports the medians, in ms after navigation start, of:
 *   table visible    the first key row is in the DOM
 *   hydrated         React has attached the first row's "Actions" button (its props are set)
 *   menu opens       a click on that button, repeated every 25 ms from "table visible" on, has
 *                    opened the row menu (the delay a user feels: clicks before it do nothing)
 * and "click delay" = menu opens − table visible. Not a test. Wrap in /work/bin/heavy:
 *
 *   npx tsx e2e/bench/hydration.ts          (BENCH_HYDRATION_RUNS, default 9)
 */
import { execFileSync, spawn } from "node:child_process";
import { chromium, type Browser } from "@playwright/test";

const RUNS = Number(process.env.BENCH_HYDRATION_RUNS ?? 9);
const CPU_SLOWDOWN = Number(process.env.BENCH_HYDRATION_CPU ?? 1);

const port =
  process.env.E2E_PORT ??
  execFileSync(process.execPath, ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"])
    .toString()
    .trim();
const base = `http://localhost:${port}`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the e2e server did not start");
}

async function signIn(browser: Browser): Promise<Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["storageState"]>>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill("admin@acme.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/acme\/api-keys$/, { timeout: 60_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

type Run = { visible: number; hydrated: number; menu: number };

async function measure(browser: Browser, storageState: Awaited<ReturnType<typeof signIn>>): Promise<Run> {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  if (CPU_SLOWDOWN > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  }
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  await page.addInitScript(`
    const marks = (window.__marks = {});
    const button = () => document.querySelector('table[aria-label="API keys"] tbody button[aria-label="Actions"]');
    new MutationObserver(() => {
      if (!marks.visible && button()) marks.visible = performance.now();
      if (!marks.menu && document.querySelector('[role="menu"]')) marks.menu = performance.now();
    }).observe(document, { subtree: true, childList: true });
    const poll = () => {
      const b = button();
      if (b && Object.keys(b).some((k) => k.startsWith("__reactProps"))) marks.hydrated = performance.now();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  `);
  await page.goto(`${base}/w/acme/api-keys`, { waitUntil: "commit" });
  const actions = page.locator('table[aria-label="API keys"] tbody button[aria-label="Actions"]').first();
  await actions.waitFor({ state: "visible", timeout: 60_000 });
  // Click as a user would who sees the button: again and again until the menu opens.
  for (let i = 0; i < 2000; i++) {
    if ((await page.locator('[role="menu"]').count()) > 0) break;
    await actions.click({ timeout: 5_000, force: true }).catch(() => {});
    await page.waitForTimeout(25);
  }
  await page.locator('[role="menu"]').waitFor({ timeout: 30_000 });
  const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
  await context.close();
  return { visible: marks.visible ?? NaN, hydrated: marks.hydrated ?? NaN, menu: marks.menu ?? NaN };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

const server = spawn("npx", ["tsx", "e2e/support/server.ts"], { env: { ...process.env, E2E_PORT: port }, stdio: ["ignore", "ignore", "inherit"], detached: true });
const stop = () => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
};
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const state = await signIn(browser);
  await measure(browser, state); // warm the server (first renders compile nothing, but fill caches)
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, state));
  await browser.close();
  const rows: [string, number[]][] = [
    ["table visible", runs.map((r) => r.visible)],
    ["hydrated", runs.map((r) => r.hydrated)],
    ["menu opens", runs.map((r) => r.menu)],
    ["click delay (menu − visible)", runs.map((r) => r.menu - r.visible)],
    ["hydration delay (hydrated − visible)", runs.map((r) => r.hydrated - r.visible)],
  ];
  console.log(`\n/w/acme/api-keys, ${RUNS} cold loads${CPU_SLOWDOWN > 1 ? `, CPU ${CPU_SLOWDOWN}× slower` : ""} (ms after navigation start)`);
  for (const [name, xs] of rows) {
    console.log(`${name.padEnd(38)} median ${median(xs).toFixed(0).padStart(6)}   min ${Math.min(...xs).toFixed(0).padStart(6)}   max ${Math.max(...xs).toFixed(0).padStart(6)}`);
  }
} finally {
  stop();
}
