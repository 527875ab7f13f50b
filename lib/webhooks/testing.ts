import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: http.IncomingHttpHeaders; body: string; path: string };

/**
 * A webhook receiver on 127.0.0.1 for tests: records every request and answers `status(req)`
 * (200 unless told; a function may hang by returning null).
 */
export async function startReceiver(status: (n: number, req: ReceivedWebhook) => number | null = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const hook = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "/" };
      received.push(hook);
      const code = status(received.length, hook);
      if (code === null) return;
      if (code >= 300 && code < 400) res.writeHead(code, { location: "http://127.0.0.1:1/elsewhere" }).end();
      else res.writeHead(code).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A clock a test moves by hand. */
export function manualClock(start = new Date()) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms), set: (d: Date) => (now = d.getTime()) };
}
