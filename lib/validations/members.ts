import { z } from "zod";
import { displayName, roleIdsSchema } from "./common";

export const MEMBER_NAME_MAX = 100;

export const memberIdSchema = z.uuid({ error: "Unknown member" });

export const addMemberSchema = z.strictObject({
  email: z
    .string({ error: "Email is required" })
    .trim()
    .min(1, "Email is required")
    .max(254, "Email must be at most 254 characters")
    .pipe(z.email({ error: "Enter a valid email address" })),
  // Only used when the email belongs to nobody yet: the new user's display name.
  name: displayName({ max: MEMBER_NAME_MAX, required: false }).optional().default(""),
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
