/** The error next-auth hands the login form for a throttled attempt: `SignInThrottled:<minutes>`. */
export const THROTTLED_ERROR = "SignInThrottled";

/** SPEC §4, exact. */
export const throttledMessage = (minutes: number) => `Too many sign-in attempts. Try again in ${minutes} minutes.`;
