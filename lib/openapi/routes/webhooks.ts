import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  updateWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import { createWebhookSchema, updateWebhookSchema, WEBHOOK_ENDPOINTS_MAX } from "@/lib/validations/webhooks";
import { defineRoute, respond } from "../route";
import {
  createdWebhookEndpointSchema,
  deletedWebhookEndpointSchema,
  WEBHOOK_EXAMPLES,
  webhookDeliveryListSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookIdParamSchema,
} from "../webhook-schemas";

const MANAGE = ["workspace:manage"] as const;
const ID = { id: webhookIdParamSchema };
const notFound = { description: "not_found: no such webhook endpoint in this workspace", codes: ["not_found"] } as const;
const SIGNING =
  " Each event is POSTed as Standard Webhooks: headers `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of \"id.timestamp.body\">` with the base64-decoded secret; body `{\"type\",\"timestamp\",\"data\"}`.";

export const webhookRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    summary: "List webhook endpoints",
    tag: "Webhooks",
    permissions: MANAGE,
    responses: { 200: { description: "The workspace's endpoints", schema: webhookEndpointListSchema, example: WEBHOOK_EXAMPLES.list } },
    handle: async ({ caller }) => respond(await listWebhookEndpoints(caller.actor)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    summary: "Add a webhook endpoint",
    description:
      `The URL must be https:// and resolve to public addresses only (checked again at each send). At most ${WEBHOOK_ENDPOINTS_MAX} endpoints per workspace. ` +
      "The answer holds the signing secret, once: no other endpoint of this API returns it." +
      SIGNING,
    tag: "Webhooks",
    permissions: MANAGE,
    domainBody: createWebhookSchema,
    example: WEBHOOK_EXAMPLES.create,
    responses: {
      201: { description: "Added", schema: createdWebhookEndpointSchema, example: WEBHOOK_EXAMPLES.created },
      409: { description: `limit_reached: the workspace has ${WEBHOOK_ENDPOINTS_MAX} endpoints`, codes: ["limit_reached"] },
    },
    handle: async ({ caller, rawBody }) => respond(await createWebhookEndpoint(caller.actor, rawBody), 201),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/webhooks/{id}",
    operationId: "getWebhook",
    summary: "Get a webhook endpoint",
    tag: "Webhooks",
    permissions: MANAGE,
    pathParams: ID,
    responses: { 200: { description: "The endpoint", schema: webhookEndpointSchema, example: WEBHOOK_EXAMPLES.endpoint }, 404: notFound },
    handle: async ({ caller, params }) => respond(await getWebhookEndpoint(caller.actor, params.id ?? "")),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/webhooks/{id}",
    operationId: "updateWebhook",
    summary: "Change a webhook endpoint",
    description: "Send only the fields to change; `enabled: false` stops sending to it (due deliveries wait until it is enabled again).",
    tag: "Webhooks",
    permissions: MANAGE,
    pathParams: ID,
    domainBody: updateWebhookSchema,
    example: WEBHOOK_EXAMPLES.update,
    responses: { 200: { description: "The changed endpoint", schema: webhookEndpointSchema, example: WEBHOOK_EXAMPLES.endpoint }, 404: notFound },
    handle: async ({ caller, params, rawBody }) => respond(await updateWebhookEndpoint(caller.actor, params.id ?? "", rawBody)),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Delete a webhook endpoint",
    description: "Its pending deliveries are dropped.",
    tag: "Webhooks",
    permissions: MANAGE,
    pathParams: ID,
    responses: { 200: { description: "Deleted", schema: deletedWebhookEndpointSchema, example: WEBHOOK_EXAMPLES.deleted }, 404: notFound },
    handle: async ({ caller, params }) => respond(await deleteWebhookEndpoint(caller.actor, params.id ?? "")),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "An endpoint's delivery log",
    description: "The last 100 deliveries, newest first: event, time, HTTP status, duration and attempts. Failed attempts are retried 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later.",
    tag: "Webhooks",
    permissions: MANAGE,
    pathParams: ID,
    responses: { 200: { description: "The delivery log", schema: webhookDeliveryListSchema, example: WEBHOOK_EXAMPLES.deliveries }, 404: notFound },
    handle: async ({ caller, params }) => respond(await listWebhookDeliveries(caller.actor, params.id ?? "")),
  }),
];
