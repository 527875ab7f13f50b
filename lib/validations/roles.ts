import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { description, displayName } from "./common";

export const ROLE_NAME_MAX = 50;
export const ROLE_DESCRIPTION_MAX = 200;

export const roleIdSchema = z.uuid({ error: "Unknown role" });

const roleFields = {
  name: displayName({ max: ROLE_NAME_MAX }),
  description: description({ max: ROLE_DESCRIPTION_MAX }).optional().default(""),
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
