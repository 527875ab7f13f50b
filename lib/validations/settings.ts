import { z } from "zod";

export const WORKSPACE_NAME_MAX = 50;

export const renameWorkspaceSchema = z.strictObject({
  name: z
    .string({ error: "Workspace name is required" })
    .trim()
    .min(1, "Workspace name is required")
    .refine((v) => [...v].length <= WORKSPACE_NAME_MAX, `Workspace name must be at most ${WORKSPACE_NAME_MAX} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f-\u009f]/.test(v), "Workspace name must not contain control characters"),
});

export const showSecretsOnceSchema = z.strictObject({
  enabled: z.boolean({ error: "Choose on or off" }),
});

export type RenameWorkspaceInput = z.input<typeof renameWorkspaceSchema>;
