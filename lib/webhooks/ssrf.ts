import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { parseWebhookUrl } from "@/lib/validations/webhooks";

/** WEBHOOK_ALLOW_PRIVATE_NETWORKS=true: private/loopback receivers (and http:// to them) are allowed. */
export const privateNetworksAllowed = (env: NodeJS.ProcessEnv = process.env) => env.WEBHOOK_ALLOW_PRIVATE_NETWORKS === "true";

export type CheckedTarget = { url: URL; address: string; family: 4 | 6 };
export type TargetCheck = { ok: true; target: CheckedTarget } | { ok: false; message: string };

/**
 * Whether an address is on the public internet. Everything ipaddr.js does not call "unicast"
 * is refused: private, loopback, link-local (169.254.169.254, the cloud metadata service),
 * unique-local (fd00:ec2::254), CGNAT, unspecified, multicast, reserved, NAT64 and 6to4 forms.
 * An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * Resolves the URL's host and checks every address it resolves to (a name resolving to one
 * private address among public ones is refused). Called when an endpoint is saved AND before
 * each send; the sender then connects to the address checked here, never resolving again, so
 * a DNS answer changed in between (rebinding) cannot reach an internal address.
 */
export async function checkWebhookTarget(
  raw: string,
  { allowPrivate = privateNetworksAllowed(), resolve = systemResolver }: { allowPrivate?: boolean; resolve?: Resolver } = {},
): Promise<TargetCheck> {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) return parsed;
  const { url } = parsed;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, message: `The host ${host} could not be resolved` };
    }
  }
  if (addresses.length === 0) return { ok: false, message: `The host ${host} could not be resolved` };
  const allPublic = addresses.every((a) => isPublicAddress(a.address));
  if (!allPublic && !allowPrivate) {
    return { ok: false, message: "The URL points to a private, loopback or link-local address, which is not allowed" };
  }
  if (url.protocol === "http:" && (allPublic || !allowPrivate)) return { ok: false, message: "The URL must start with https://" };
  const first = addresses[0]!;
  return { ok: true, target: { url, address: first.address, family: first.family === 6 ? 6 : 4 } };
}
