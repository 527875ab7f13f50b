// Kept while the console's server actions still import it from here; the actor lives in lib/auth.
export { actorFromMembership } from "@/lib/auth/actor";
