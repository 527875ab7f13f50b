/** Readable names of audit actions, for the audit log and a key's trail alike; unknown actions show their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "api_key.create": "API key created",
  "api_key.modify": "API key modified",
  "api_key.update": "API key modified",
  "api_key.delete": "API key deleted",
  "api_key.reveal": "API key secret revealed",
  "api_key.copy": "API key secret copied",
  "api_key.rolled": "API key rolled",
  "api_key.previous_secret_expired": "Previous secret expired",
  "api_key.disabled": "API key disabled",
  "api_key.enabled": "API key enabled",
  "api_key.leaked": "API key reported leaked",
  "api_key.decoy_used": "Decoy key used",
  "workspace.leak_policy": "Leaked keys policy changed",
  "member.add": "Member added",
  "member.update_roles": "Member roles changed",
  "member.remove": "Member removed",
  "member.transfer_ownership": "Ownership transferred",
  "role.create": "Role created",
  "role.update": "Role edited",
  "role.delete": "Role deleted",
  "workspace.rename": "Workspace renamed",
  "workspace.update_settings": "Settings changed",
  "workspace.change_plan": "Plan changed",
  "audit_log.export": "Audit log exported",
  "shared_secret.create": "Shared secret created",
  "shared_secret.rotate": "Shared secret rotated",
  "shared_secret.reveal": "Shared secret revealed",
  "shared_secret.copy": "Shared secret copied",
};

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
