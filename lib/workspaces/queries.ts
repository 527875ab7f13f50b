import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { workspaces, type Plan } from "@/db/schema";

export type WorkspaceDetails = { id: string; name: string; slug: string; plan: Plan; requireSignedRequests: boolean };

/** What `workspace:read` shows of a workspace: never a secret, not even a hint. */
export async function getWorkspaceDetails(workspaceId: string, db: Executor = getDb()): Promise<WorkspaceDetails | null> {
  const [row] = await db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      slug: workspaces.slug,
      plan: workspaces.plan,
      requireSignedRequests: workspaces.requireSignedRequests,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row ?? null;
}
