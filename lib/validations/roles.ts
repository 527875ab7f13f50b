import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth/permissions";

export const ROLE_NAME_MAX = 50;
export const ROLE_DESCRIPTION_MAX = 200;

export const roleIdSchema = z.uuid({ error: "Unknown role" });

const roleFields = {
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(1, "Name is required")
    .refine((v) => [...v].length <= ROLE_NAME_MAX, `Name must be at most ${ROLE_NAME_MAX} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f-\u009f]/.test(v), "Name must not contain control characters"),
  description: z
    .string({ error: "Description must be text" })
    .trim()
    .refine((v) => [...v].length <= ROLE_DESCRIPTION_MAX, `Description must be at most ${ROLE_DESCRIPTION_MAX} characters`)
    .refine((v) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v), "Description must not contain control characters")
    .optional()
    .default(""),
  permissions: z
    .array(z.enum(PERMISSIONS, { error: "Unknown permission" }), { error: "Select at least one permission" })
    .min(1, "Select at least one permission")
    .transform((list) => PERMISSIONS.filter((p) => list.includes(p))),
};

export const createRoleSchema = z.strictObject(roleFields);

export const updateRoleSchema = z.strictObject({ roleId: roleIdSchema, ...roleFields });

export const deleteRoleSchema = z.strictObject({ roleId: roleIdSchema });

export type RoleFormInput = z.input<typeof createRoleSchema>;
export type CreateRoleData = z.output<typeof createRoleSchema>;
export type UpdateRoleData = z.output<typeof updateRoleSchema>;
