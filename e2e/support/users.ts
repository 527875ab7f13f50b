export const DEMO_PASSWORD = "demo-password";

/** The demo users of SPEC §7, by the role they hold in Acme. */
export const USERS = {
  owner: "owner@acme.test",
  admin: "admin@acme.test",
  member: "member@acme.test",
  viewer: "viewer@acme.test",
  globexOwner: "owner@globex.test",
} as const;

export type DemoRole = keyof typeof USERS;

export const storageStateOf = (role: DemoRole) => `e2e/.auth/${role}.json`;
