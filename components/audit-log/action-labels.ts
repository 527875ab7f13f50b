/** Readable names of audit actions, for the audit log and a key's trail alike; unknown actions show their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "api_key.create": "API key created",
  "api_key.modify": "API key modified",
  "api_key.update": "API key modified",
  "api_key.delete": "API key deleted",
  "api_key.reveal": "API key secret revealed",
  "api_key.copy": "API key secret copied",
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
  "webhook.create": "Webhook endpoint added",
  "webhook.update": "Webhook endpoint changed",
  "webhook.enable": "Webhook endpoint enabled",
  "webhook.disable": "Webhook endpoint disabled",
  "webhook.delete": "Webhook endpoint deleted",
  "webhook.reveal_secret": "Webhook signing secret revealed",
  "webhook.copy_secret": "Webhook signing secret copied",
  "webhook.rotate_secret": "Webhook signing secret rotated",
};

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
