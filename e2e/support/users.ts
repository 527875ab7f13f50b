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

/**
 * Users of the workspaces only the e2e suite has (e2e/support/seed.ts), so that tests needing
 * 120 keys, a once-only workspace or a member without keys leave Acme's list alone.
 */
export const E2E_USERS = {
  /** Owner of "Paging" (`paging`), 120 keys made by 12 Administrators. */
  pager: "pager@e2e.test",
  /** Owner of "Once" (`once`), which shows secrets only once; holds the key "once-seeded". */
  onceOwner: "owner@once.e2e.test",
  /** A Standard member of "Once" without keys. */
  newcomer: "newcomer@once.e2e.test",
  /** Owner and Administrator of "Lifecycle" (`lifecycle`, SPEC §9): the admin made its keys "expires-soon" and "permanent-one". */
  lifecycleOwner: "owner@lifecycle.e2e.test",
  lifecycleAdmin: "admin@lifecycle.e2e.test",
  /** Owner of "Lingua" (`lingua`): the only user whose saved language a test changes. */
  polyglot: "polyglot@lingua.e2e.test",
} as const;

export const PAGING_KEYS = 120;
/** The name of the i-th newest key of "Paging", 1-based: "page-key-001" is the newest. */
export const pagingKeyName = (i: number) => `page-key-${String(i).padStart(3, "0")}`;
