import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "./document";
import { ROUTES } from "./routes";

type Json = Record<string, unknown>;
type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Checks answers against an OpenAPI document (tests only): the operation of `method` + `path`,
 * then the response of the status (or `default`) and its JSON schema. A response the document
 * does not describe is a failure; a path it does not describe (404 "No such endpoint", 405) is
 * not an operation and is not checked.
 */
export class ResponseValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: { pattern: RegExp; path: string }[];

  constructor(private readonly document: Json = buildOpenApiDocument(ROUTES)) {
    // strict: false because an OpenAPI document is not a JSON Schema (openapi, info, paths, example).
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats.default(this.ajv);
    this.ajv.addSchema({ ...document, $id: "openapi" });
    this.templates = Object.keys(document.paths as Json).map((path) => ({
      path,
      pattern: new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`),
    }));
  }

  /** Problems with the answer, or [] when the document describes it. */
  problems(method: string, url: string, status: number, body: unknown): string[] {
    const path = url.split("?")[0]!.replace(/\/$/, "") || "/";
    const template = this.templates.find((t) => t.pattern.test(path))?.path;
    const operation = template ? ((this.document.paths as Record<string, Record<string, Operation>>)[template]![method.toLowerCase()]) : undefined;
    if (!template || !operation) return [];
    const key = String(status) in operation.responses ? String(status) : "default";
    const schema = operation.responses[key]?.content?.["application/json"]?.schema;
    if (!schema) return [`${method} ${template}: status ${status} is not in the document`];
    const pointer = ["paths", template, method.toLowerCase(), "responses", key, "content", "application/json", "schema"].map(escape).join("/");
    const validate = this.validatorOf(pointer);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${method} ${template} ${status}: ${e.instancePath || "/"} ${e.message}`);
  }

  private validatorOf(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi#/${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate;
  }
}
