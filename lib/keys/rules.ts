// The key rules, one file per operation; callers import them from here.
export { createApiKey, getCreateKeyOptions } from "./create";
export { deleteApiKey } from "./delete";
export { listApiKeys } from "./list";
export { modifyApiKey } from "./modify";
export { getApiKey, listApiKeyAuditTrail } from "./read";
export { revealApiKeySecret } from "./reveal";
export type { AuditEventView } from "@/lib/audit/queries";
export { bulkApiKeys } from "./bulk";
export { setApiKeyEnabled } from "./disable";
export { expirePreviousSecret, rollApiKey } from "./roll";
