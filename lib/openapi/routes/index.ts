import type { AnyRoute } from "../route";
import { auditLogRoute } from "./audit-log";
import { keyRoutes } from "./keys";
import { keyLifecycleRoutes } from "./keys-lifecycle";
import { leakRoutes } from "./leaks";
import { meRoute } from "./me";
import { membersRoute } from "./members";
import { rolesRoute } from "./roles";
import { usageRoutes } from "./usage";
import { verifyRoute } from "./verify";
import { webhookRoutes } from "./webhooks";
import { workspaceRoute } from "./workspace";

/** Every endpoint of SPEC §6 but openapi.json (which describes these). Static paths before parameters. */
export const ROUTES: readonly AnyRoute[] = [
  meRoute,
  verifyRoute,
  ...keyLifecycleRoutes,
  ...keyRoutes,
  membersRoute,
  rolesRoute,
  auditLogRoute,
  workspaceRoute,
  ...leakRoutes,
  ...usageRoutes,
  ...webhookRoutes,
];
