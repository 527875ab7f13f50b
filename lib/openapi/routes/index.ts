import type { AnyRoute } from "../route";
import { keyRoutes } from "./keys";
import { meRoute } from "./me";
import { verifyRoute } from "./verify";
import { workspaceRoutes } from "./workspace";
import { workspaceDetailsRoute } from "./workspace-details";

/** Every endpoint of SPEC §6 but openapi.json (which describes these). Static paths before parameters. */
export const ROUTES: readonly AnyRoute[] = [meRoute, verifyRoute, ...keyRoutes, ...workspaceRoutes, workspaceDetailsRoute];
