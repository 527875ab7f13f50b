/** Said wherever a secret is asked for in a workspace that shows secrets only once. */
export const SECRET_SHOWN_ONCE =
  "This key's secret was shown only once, when the key was created. It cannot be revealed or copied.";
