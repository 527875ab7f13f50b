import { z } from "zod";

/** POST /api/v1/keys/verify: a key some caller presented to one of the workspace's services. */
export const verifyKeyRequestSchema = z.object({
  key: z
    .string({ error: "Key is required (a string)" })
    .min(1, "Key is required")
    .max(200, "Key must be at most 200 characters"),
});

export type VerifyKeyRequest = z.output<typeof verifyKeyRequestSchema>;
