import { z } from "zod";

export const MEMBER_NAME_MAX = 100;

const roleIdsSchema = z
  .array(z.uuid({ error: "Unknown role" }), { error: "Select at least one role" })
  .min(1, "Select at least one role")
  .max(20, "Select at most 20 roles")
  .transform((ids) => [...new Set(ids)]);

export const memberIdSchema = z.uuid({ error: "Unknown member" });

export const addMemberSchema = z.strictObject({
  email: z
    .string({ error: "Email is required" })
    .trim()
    .min(1, "Email is required")
    .max(254, "Email must be at most 254 characters")
    .pipe(z.email({ error: "Enter a valid email address" })),
  // Only used when the email belongs to nobody yet: the new user's display name.
  name: z
    .string({ error: "Name must be text" })
    .trim()
    .max(MEMBER_NAME_MAX, `Name must be at most ${MEMBER_NAME_MAX} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f-\u009f]/.test(v), "Name must not contain control characters")
    .optional()
    .default(""),
  roleIds: roleIdsSchema,
});

export const changeMemberRolesSchema = z.strictObject({
  memberId: memberIdSchema,
  roleIds: roleIdsSchema,
});

export const removeMemberSchema = z.strictObject({ memberId: memberIdSchema });

export const transferOwnershipSchema = z.strictObject({ memberId: memberIdSchema });

export type AddMemberInput = z.input<typeof addMemberSchema>;
export type AddMemberData = z.output<typeof addMemberSchema>;
export type ChangeMemberRolesInput = z.input<typeof changeMemberRolesSchema>;
export type ChangeMemberRolesData = z.output<typeof changeMemberRolesSchema>;
