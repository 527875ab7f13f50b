import { z } from "zod";
import { displayName } from "./common";

export const WORKSPACE_NAME_MAX = 50;

export const renameWorkspaceSchema = z.strictObject({
  name: displayName({ label: "Workspace name", max: WORKSPACE_NAME_MAX }),
});

export const showSecretsOnceSchema = z.strictObject({
  enabled: z.boolean({ error: "Choose on or off" }),
});

export type RenameWorkspaceInput = z.input<typeof renameWorkspaceSchema>;
