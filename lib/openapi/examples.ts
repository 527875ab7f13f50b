/** Example requests and answers for openapi.json; the lint checks each against its schema. */

const workspace = { id: "6f1c2b9e-2f4a-4d7b-9a51-0c7e3f1d2a10", slug: "acme", name: "Acme", plan: "small" };
const roleId = "3d0b8e4a-7c2f-4f1e-8b6a-5e9d1c2a4b70";
const userId = "9a7e5c3b-1d2f-4e6a-8b0c-2f4d6e8a0b1c";
const createdAt = "2026-11-30T09:15:00.000Z";

const key = {
  id: "key_0123456789abcdef",
  name: "ci deploy",
  description: "Deploys from CI",
  hint: "ak_Ab3d…Yz01",
  isOwnerKey: false,
  roles: [{ id: roleId, name: "Standard" }],
  createdAt,
  expiresAt: null,
  lastUsedAt: "2026-12-01T08:00:00.000Z",
  lastUsedIp: "203.0.113.7",
  ipAllowlist: ["203.0.113.0/24", "2001:db8::/32"],
  rateLimit: { limit: 100, window: "minute" },
  createdBy: { userId, name: "Ada Admin", email: "admin@acme.test", active: true },
  status: "active",
  enabled: true,
  previousSecret: null,
  secretStored: true,
  isDecoy: false,
  leaked: null,
  can: { modify: true, delete: true, reveal: true },
};

const permissions = ["workspace:read", "members:read", "api_keys:create", "api_keys:verify"];

export const EXAMPLES = {
  createKey: {
    name: "ci deploy",
    description: "Deploys from CI",
    roleIds: [roleId],
    expiresAt: null,
    ipAllowlist: ["203.0.113.0/24", "2001:db8::/32"],
    rateLimit: { limit: 100, window: "minute" },
  },
  modifyKey: { name: "ci deploy (staging)", rateLimit: { limit: 10, window: "second" } },
  verifyKey: { key: "ak_Ab3dEfGhIjKlMnOpQrStUvWxYzx9Yz01" },
  me: { id: key.id, name: key.name, isOwnerKey: false, workspace, permissions, expiresAt: null },
  key,
  keyDetails: { ...key, effectivePermissions: permissions },
  keyPage: { items: [key], total: 1, totalCapped: false, nextCursor: null, prevCursor: null },
  createdKey: { key, secret: "ak_Ab3dEfGhIjKlMnOpQrStUvWxYzx9Yz01" },
  rollKey: { gracePeriod: "24h" },
  rolledKey: {
    key: { ...key, hint: "ak_Qx7w…Lm42", previousSecret: { hint: key.hint, validUntil: "2026-12-02T08:00:00.000Z", lastUsedAt: key.lastUsedAt } },
    secret: "ak_Qx7wEfGhIjKlMnOpQrStUvWxYzx9Lm42",
    previousSecretValidUntil: "2026-12-02T08:00:00.000Z",
  },
  bulkKeys: { action: "disable", keyIds: [key.id, "key_fedcba9876543210"] },
  bulkResults: {
    results: [
      { keyId: key.id, ok: true },
      { keyId: "key_fedcba9876543210", ok: false, error: { code: "not_found", message: "API key not found" } },
    ],
  },
  deletedKey: { id: key.id, name: key.name, deleted: true },
  verified: { valid: true, code: null, keyId: key.id, workspace, permissions, expiresAt: null },
  members: {
    items: [
      {
        memberId: "0b2d4f6a-8c0e-4a2b-9d4f-6a8c0e2a4b6d",
        userId,
        email: "admin@acme.test",
        name: "Ada Admin",
        roles: [{ id: roleId, name: "Administrator", builtIn: "administrator" }],
        isOwner: false,
        createdAt,
      },
    ],
  },
  roles: {
    items: [
      { id: roleId, name: "Standard", description: "", builtIn: "standard", permissions, memberCount: 3, keyCount: 2 },
    ],
  },
  auditLog: {
    items: [
      {
        id: "1042",
        action: "api_key.create",
        actorName: "Ada Admin",
        actorUserId: userId,
        actorKeyId: null,
        targetType: "api_key",
        targetId: key.id,
        targetName: key.name,
        details: { roles: ["Standard"] },
        ip: "203.0.113.7",
        createdAt,
      },
    ],
    nextCursor: null,
    prevCursor: null,
  },
  workspace: { ...workspace, requireSignedRequests: false },
};
