import { z } from "zod";
import { KEY_ID_PATTERN } from "./schemas";

const KEY_ID_MAX = 200;

/**
 * `{keyId}`: any id up to 200 characters reaches the key rules, which answer 404 `not_found`
 * for one that is not of the form `key_` + 16 base62 characters (so the pattern is documented,
 * not enforced as a 400); a longer one is a 400 naming `keyId`.
 */
export const keyIdParamSchema = z
  .string()
  .max(KEY_ID_MAX, `Key id must be at most ${KEY_ID_MAX} characters`)
  // The pattern is documented, not enforced here: see above.
  .meta({ description: "The key's id: `key_` + 16 base62 characters", example: "key_0123456789abcdef", pattern: KEY_ID_PATTERN });
