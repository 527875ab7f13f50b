import { createElement, type ReactElement } from "react";
import { useTranslations, type _Translator, type Messages } from "next-intl";

/** A translator of the `AuditLog` namespace: `useTranslations("AuditLog")` or `await getTranslations("AuditLog")`. */
export type AuditLogTranslator = _Translator<Messages, "AuditLog">;

type ActionKey = keyof Messages["AuditLog"]["actions"];

/** The audit actions the console names, each with its message (`AuditLog.actions.*`); unknown actions show their code. */
export const AUDIT_ACTION_LABELS: Record<string, ActionKey> = {
  "api_key.create": "apiKeyCreate",
  "api_key.modify": "apiKeyModify",
  "api_key.update": "apiKeyModify",
  "api_key.delete": "apiKeyDelete",
  "api_key.reveal": "apiKeyReveal",
  "api_key.copy": "apiKeyCopy",
  "api_key.rolled": "apiKeyRolled",
  "api_key.previous_secret_expired": "apiKeyPreviousSecretExpired",
  "api_key.disabled": "apiKeyDisabled",
  "api_key.enabled": "apiKeyEnabled",
  "api_key.leaked": "apiKeyLeaked",
  "api_key.decoy_used": "apiKeyDecoyUsed",
  "workspace.leak_policy": "workspaceLeakPolicy",
  "member.add": "memberAdd",
  "member.update_roles": "memberUpdateRoles",
  "member.remove": "memberRemove",
  "member.transfer_ownership": "memberTransferOwnership",
  "role.create": "roleCreate",
  "role.update": "roleUpdate",
  "role.delete": "roleDelete",
  "workspace.rename": "workspaceRename",
  "workspace.update_settings": "workspaceUpdateSettings",
  "workspace.change_plan": "workspaceChangePlan",
  "audit_log.export": "auditLogExport",
  "shared_secret.create": "sharedSecretCreate",
  "shared_secret.rotate": "sharedSecretRotate",
  "shared_secret.reveal": "sharedSecretReveal",
  "shared_secret.copy": "sharedSecretCopy",
  "webhook.create": "webhookCreate",
  "webhook.update": "webhookUpdate",
  "webhook.enable": "webhookEnable",
  "webhook.disable": "webhookDisable",
  "webhook.delete": "webhookDelete",
  "webhook.reveal_secret": "webhookRevealSecret",
  "webhook.copy_secret": "webhookCopySecret",
  "webhook.rotate_secret": "webhookRotateSecret",
};

/** Renders an action's name in the reader's language (what `actionLabel(action)` without a translator returns). */
function ActionLabel({ action }: { action: string }) {
  const t = useTranslations("AuditLog");
  return actionLabel(action, t);
}

/**
 * An action's name in the reader's language ("API key created", "已创建 API 密钥"), or its code
 * when unknown: a string with the `AuditLog` translator, else an element to render (in JSX).
 */
export function actionLabel(action: string, t: AuditLogTranslator): string;
export function actionLabel(action: string): ReactElement;
export function actionLabel(action: string, t?: AuditLogTranslator): string | ReactElement {
  if (!t) return createElement(ActionLabel, { action });
  const key = Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action] : undefined;
  return key ? t(`actions.${key}`) : action;
}

type TargetTypeKey = keyof Messages["AuditLog"]["targetTypes"];
const TARGET_TYPES: Record<string, TargetTypeKey> = {
  api_key: "apiKey",
  member: "member",
  role: "role",
  workspace: "workspace",
  shared_secret: "sharedSecret",
  webhook: "webhook",
};

/** What kind of thing an event is about ("api key", "member"), in the reader's language. */
export function targetTypeLabel(targetType: string, t: AuditLogTranslator): string {
  const key = Object.hasOwn(TARGET_TYPES, targetType) ? TARGET_TYPES[targetType] : undefined;
  return key ? t(`targetTypes.${key}`) : targetType.replace("_", " ");
}
