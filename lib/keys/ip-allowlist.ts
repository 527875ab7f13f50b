import ipaddr from "ipaddr.js";

/**
 * SPEC §10 "Allowed IP addresses": parsing an allowlist line (shared by the form, the server
 * and the Open API through lib/keys/restrictions.ts) and matching a caller's address against a
 * list compiled once per cached key. Browser-safe: the form checks lines with the same code.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

const PREFIX = /^\d{1,3}$/;

/** A strict address: four-part decimal IPv4 (no octal, hex or short forms), or IPv6 without a zone. */
function parseAddress(text: string): Address | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes("%") && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return null;
}

/** An IPv4-mapped IPv6 address or range (`::ffff:10.0.0.0/104`) is read as the IPv4 one it maps. */
function asIPv4(range: Range): Range {
  const [address, bits] = range;
  if (address.kind() === "ipv6" && bits >= 96 && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return range;
}

/** The range an allowlist line names (an address is a range of one), or null when it is neither. */
export function parseAllowlistEntry(line: string): Range | null {
  const text = line.trim();
  const slash = text.indexOf("/");
  const address = parseAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return null;
  const max = address.kind() === "ipv4" ? 32 : 128;
  if (slash === -1) return asIPv4([address, max]);
  const prefix = text.slice(slash + 1);
  if (!PREFIX.test(prefix) || Number(prefix) > max) return null;
  return asIPv4([address, Number(prefix)]);
}

export const isAllowlistEntry = (line: string): boolean => parseAllowlistEntry(line) !== null;

// No TCP peer ever has one of these addresses: unspecified, multicast, the reserved class E
// (which holds the broadcast address).
const NEVER_A_PEER: Range[] = [
  [ipaddr.IPv4.parse("0.0.0.0"), 32],
  [ipaddr.IPv4.parse("224.0.0.0"), 4],
  [ipaddr.IPv4.parse("240.0.0.0"), 4],
  [ipaddr.IPv6.parse("::"), 128],
  [ipaddr.IPv6.parse("ff00::"), 8],
];

function within(inner: Range, outer: Range): boolean {
  const [address, bits] = inner;
  const [network, outerBits] = outer;
  return address.kind() === network.kind() && bits >= outerBits && address.match(network as never, outerBits);
}

/** Whether a non-empty list can never let a request through (every line names only addresses no client has). */
export function allowlistNeverMatches(lines: readonly string[]): boolean {
  const ranges = lines.map(parseAllowlistEntry).filter((r): r is Range => r !== null);
  return ranges.length > 0 && ranges.every((range) => NEVER_A_PEER.some((never) => within(range, never)));
}

const RESULT_CACHE = 1024;

/**
 * A key's allowlist, parsed once when the key is cached. `allows` parses the caller's address
 * the first time it is seen and then answers from a small per-key memo (cleared when full, so
 * a caller rotating addresses costs a parse each, never unbounded memory).
 */
export class IpAllowlist {
  private readonly v4: Range[] = [];
  private readonly v6: Range[] = [];
  private readonly seen = new Map<string, boolean>();

  constructor(lines: readonly string[]) {
    for (const line of lines) {
      const range = parseAllowlistEntry(line);
      if (!range) continue; // Refused on the way in; a row edited by hand cannot widen the list.
      (range[0].kind() === "ipv4" ? this.v4 : this.v6).push(range);
    }
  }

  allows(address: string): boolean {
    let allowed = this.seen.get(address);
    if (allowed === undefined) {
      allowed = this.match(address);
      if (this.seen.size >= RESULT_CACHE) this.seen.clear();
      this.seen.set(address, allowed);
    }
    return allowed;
  }

  private match(address: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    // process(): an IPv4-mapped IPv6 peer (::ffff:203.0.113.7 or ::ffff:cb00:7107) is its IPv4 address.
    const parsed = ipaddr.process(address.split("%")[0]!);
    const ranges = parsed.kind() === "ipv4" ? this.v4 : this.v6;
    return ranges.some(([network, bits]) => parsed.match(network as never, bits));
  }
}
