import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { CheckedTarget } from "./ssrf";

export const SEND_TIMEOUT_MS = 10_000;

export type SendResult = { status: number | null; error: string | null };
export type Sender = (target: CheckedTarget, headers: Record<string, string>, body: string) => Promise<SendResult>;

/**
 * POSTs once to the address already checked (the `lookup` below answers with it, so the
 * socket cannot reach an address the DNS gives only now), keeping the host name for TLS and
 * the Host header. No redirect is followed (a 3xx is a failed attempt); the answer's body is
 * never read (a receiver sending megabytes costs nothing); 10 s in all, then the attempt fails.
 */
export function createSender({ timeoutMs = SEND_TIMEOUT_MS }: { timeoutMs?: number } = {}): Sender {
  return (target, headers, body) =>
    new Promise<SendResult>((resolve) => {
      const pinned: LookupFunction = (_hostname, options, callback) => {
        if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
        else callback(null, target.address, target.family);
      };
      const client = target.url.protocol === "https:" ? https : http;
      let settled = false;
      const finish = (result: SendResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve(result);
      };
      const req = client.request(
        target.url,
        {
          method: "POST",
          lookup: pinned,
          headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Keyward-Webhooks/1.0" },
          agent: false,
        },
        (res) => {
          const status = res.statusCode ?? null;
          res.destroy();
          finish({ status, error: status !== null && status >= 200 && status < 300 ? null : `HTTP ${status}` });
        },
      );
      const timer = setTimeout(() => finish({ status: null, error: `No answer within ${Math.round(timeoutMs / 1000)} s` }), timeoutMs);
      req.on("error", (err) => finish({ status: null, error: describeError(err) }));
      req.end(body);
    });
}

function describeError(err: NodeJS.ErrnoException): string {
  if (err.code === "ECONNREFUSED") return "Connection refused";
  if (err.code === "ECONNRESET") return "Connection reset";
  if (err.code === "ENOTFOUND") return "Host not found";
  if (err.code?.startsWith("ERR_TLS") || err.code?.includes("CERT")) return "TLS error";
  return err.code ? `Network error (${err.code})` : "Network error";
}
