import { z } from "zod";

/** How long a rotated-away shared secret keeps working. */
export const ROTATION_GRACE_PERIODS = ["none", "1h", "24h"] as const;
export type RotationGracePeriod = (typeof ROTATION_GRACE_PERIODS)[number];

export const ROTATION_GRACE_MS: Record<RotationGracePeriod, number> = {
  none: 0,
  "1h": 60 * 60 * 1000,
  "24h": 24 * 60 * 60 * 1000,
};

export const rotateSharedSecretSchema = z.strictObject({
  grace: z.enum(ROTATION_GRACE_PERIODS, { error: "Choose a grace period: none, 1 hour or 24 hours" }),
});

export const revealSharedSecretSchema = z.strictObject({
  purpose: z.enum(["reveal", "copy"], { error: "purpose must be reveal or copy" }),
});

export const requireSignedRequestsSchema = z.strictObject({
  enabled: z.boolean({ error: "enabled must be true or false" }),
});

export type RotateSharedSecretInput = z.input<typeof rotateSharedSecretSchema>;
export type RevealSharedSecretInput = z.input<typeof revealSharedSecretSchema>;
export type RequireSignedRequestsInput = z.input<typeof requireSignedRequestsSchema>;
