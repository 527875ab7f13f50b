import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLE_DEFINITIONS, type Permission } from "./permissions";
import { landingPath, openableSections } from "./sections";

const of = (role: keyof typeof BUILT_IN_ROLE_DEFINITIONS) => new Set<Permission>(BUILT_IN_ROLE_DEFINITIONS[role].permissions);

describe("landing and the sections a member may open", () => {
  it("lands Owners, Administrators and Standard members on API Keys", () => {
    expect(landingPath("acme", of("owner"))).toBe("/w/acme/api-keys");
    expect(landingPath("acme", of("administrator"))).toBe("/w/acme/api-keys");
    expect(landingPath("acme", of("standard"))).toBe("/w/acme/api-keys");
  });

  it("lands a Read-only member on Members, the first section they may open", () => {
    expect(openableSections(of("read_only"))).not.toContain("api-keys");
    expect(landingPath("acme", of("read_only"))).toBe("/w/acme/members");
  });

  it("leaves the audit log out for a Standard member", () => {
    expect(openableSections(of("standard"))).not.toContain("audit-log");
    expect(openableSections(of("administrator"))).toContain("audit-log");
  });
});
