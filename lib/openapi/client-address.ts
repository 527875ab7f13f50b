import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * The caller's IP: the socket's peer address. Behind a reverse proxy (TRUST_PROXY=true) it is
 * the last X-Forwarded-For entry, the one the proxy itself appended; earlier entries are
 * whatever the client sent and are never trusted.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const list = Array.isArray(header) ? header.join(",") : header;
    const last = list?.split(",").at(-1)?.trim();
    if (last && last.length <= 64) return normalise(last);
  }
  return socketAddress(req.socket);
}

const PEER = Symbol("keyward.peer");
type Peer = Socket & { [PEER]?: string };

/** A socket's peer never changes: normalised once per connection, not once per keep-alive request. */
function socketAddress(socket: Peer): string {
  return (socket[PEER] ??= normalise(socket.remoteAddress ?? "unknown"));
}

function normalise(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TRUST_PROXY?.trim().toLowerCase() === "true";
}
