/**
 * SPEC §9.4: a key expiring within this many days is "expiring soon" (badge, notice, filter).
 * Kept free of zod: the list page's notice imports it, and must not pull the schemas into the
 * page's first load.
 */
export const EXPIRING_WITHIN_DAYS = 7;
