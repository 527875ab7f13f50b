import type { IncomingMessage, ServerResponse } from "node:http";

/** The Open API fast path (issue #5 fills it in). */
export async function createOpenApiHandler(): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  return (_req, res) => {
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "not_found", message: "No such endpoint." } }));
  };
}
