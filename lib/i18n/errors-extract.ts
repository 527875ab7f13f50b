import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/*
 * Test support (node only, never imported by the app): every English message lib/ can hand the
 * console, read from the source with the TypeScript compiler. A message is a string passed to
 * `fail(code, message, fieldErrors)`, a zod check's message (`.min(1, "…")`, `.refine(fn, "…")`,
 * `{ error: "…" }`, `{ message: "…" }`), `requiredOr("…", "…")`, or a constant / function of the
 * module (or an imported one) that such a place names. A template literal with `${…}` comes back
 * as a pattern: its text with each substitution as `{0}`, `{1}`….
 */

const ROOT = path.join(__dirname, "..", "..");
const SKIP = /(\.test\.ts|\.d\.ts)$|^lib\/(i18n|seed|testing|openapi)\//;

const ZOD_CHECKS = new Set(["min", "max", "length", "refine", "regex", "email", "url", "uuid", "int", "positive", "nonnegative", "gte", "lte", "gt", "lt", "startsWith", "endsWith", "includes", "nonempty", "enum", "literal", "string", "number", "boolean", "array", "object", "strictObject", "iso", "datetime", "uuidv4", "httpUrl", "custom", "check", "safeint"]);

export type Extracted = { text: string; template: boolean; file: string; line: number };

function libFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return libFiles(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

const sources = new Map<string, ts.SourceFile>();
function sourceOf(file: string): ts.SourceFile | null {
  if (!sources.has(file)) {
    try {
      sources.set(file, ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
    } catch {
      return null;
    }
  }
  return sources.get(file)!;
}

function resolveModule(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // next
    }
  }
  return null;
}

/** The declaration `name` refers to in `sf`: a top-level const/function, or one it imports. */
function declarationOf(sf: ts.SourceFile, name: string, depth = 0): { node: ts.Node; sf: ts.SourceFile } | null {
  if (depth > 5) return null;
  for (const statement of sf.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.name.text === name && decl.initializer) return { node: decl.initializer, sf };
      }
    }
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return { node: statement, sf };
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      for (const el of bindings.elements) {
        if (el.name.text !== name) continue;
        const target = resolveModule(sf.fileName, statement.moduleSpecifier.text);
        const tsf = target && sourceOf(target);
        if (tsf) return declarationOf(tsf, (el.propertyName ?? el.name).text, depth + 1);
      }
    }
  }
  return null;
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | null {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return null;
}

function functionName(fn: ts.SignatureDeclaration): string | null {
  if (ts.isFunctionDeclaration(fn) && fn.name) return fn.name.text;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return null;
}

let calls: Map<string, { node: ts.CallExpression; sf: ts.SourceFile }[]> | null = null;
/** Every call of a function by its name, across lib/. */
function callsTo(name: string) {
  if (!calls) {
    calls = new Map();
    for (const file of libFiles(path.join(ROOT, "lib"))) {
      if (/\.test\.ts$/.test(file)) continue;
      const sf = sourceOf(file);
      if (!sf) continue;
      const visit = (n: ts.Node) => {
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
          const list = calls!.get(n.expression.text) ?? [];
          list.push({ node: n, sf });
          calls!.set(n.expression.text, list);
        }
        n.forEachChild(visit);
      };
      visit(sf);
    }
  }
  return calls.get(name) ?? [];
}

/** The strings an expression may evaluate to. */
function strings(node: ts.Node, sf: ts.SourceFile, out: Extracted[], seen = new Set<ts.Node>()): void {
  if (seen.has(node)) return;
  seen.add(node);
  const push = (text: string, template: boolean): void => void out.push({ text, template, file: path.relative(ROOT, sf.fileName), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return push(node.text, false);
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    node.templateSpans.forEach((span, i) => (text += `{${i}}${span.literal.text}`));
    return push(text, true);
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node))
    return strings(node.expression, sf, out, seen);
  if (ts.isConditionalExpression(node)) {
    strings(node.whenTrue, sf, out, seen);
    return strings(node.whenFalse, sf, out, seen);
  }
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    strings(node.left, sf, out, seen);
    return strings(node.right, sf, out, seen);
  }
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) {
    const body = node.body;
    if (!body) return;
    if (!ts.isBlock(body)) return strings(body, sf, out, seen);
    const visit = (n: ts.Node) => {
      if (ts.isReturnStatement(n) && n.expression) strings(n.expression, sf, out, seen);
      if (!ts.isFunctionLike(n)) n.forEachChild(visit);
    };
    body.forEachChild(visit);
    return;
  }
  if (ts.isCallExpression(node)) {
    if (ts.isIdentifier(node.expression)) {
      if (node.expression.text === "fail") return;
      const decl = declarationOf(sf, node.expression.text);
      if (decl) strings(decl.node, decl.sf, out, seen);
    }
    return;
  }
  if (ts.isIdentifier(node)) {
    const decl = declarationOf(sf, node.text);
    if (decl) return strings(decl.node, decl.sf, out, seen);
    // A local `const message = …` of the function, or a parameter: what its callers pass.
    const fn = enclosingFunction(node);
    if (!fn) return;
    fn.forEachChild(function local(n: ts.Node) {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === node.text && n.initializer) strings(n.initializer, sf, out, seen);
      n.forEachChild(local);
    });
    for (let f: ts.Node | undefined = fn; f; f = enclosingFunction(f) ?? undefined) {
      if (!ts.isFunctionLike(f)) continue;
      const index = f.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === node.text);
      const name = functionName(f);
      if (index < 0 || !name) continue;
      for (const call of callsTo(name)) if (call.node.arguments[index]) strings(call.node.arguments[index], call.sf, out, seen);
      const init = f.parameters[index]?.initializer;
      if (init) strings(init, sf, out, seen);
    }
    return;
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    // LOGIN_MESSAGES.emailRequired: a property of a constant object.
    const decl = declarationOf(sf, node.expression.text);
    let object = decl?.node;
    while (object && (ts.isAsExpression(object) || ts.isSatisfiesExpression(object))) object = object.expression;
    if (decl && object && ts.isObjectLiteralExpression(object)) {
      for (const prop of object.properties) {
        if (ts.isPropertyAssignment(prop) && prop.name.getText(decl.sf) === node.name.text) strings(prop.initializer, decl.sf, out, seen);
      }
    }
  }
}

function objectMessages(node: ts.Expression, sf: ts.SourceFile, out: Extracted[]) {
  if (!ts.isObjectLiteralExpression(node)) return;
  for (const prop of node.properties) {
    if (ts.isPropertyAssignment(prop)) strings(prop.initializer, sf, out);
    if (ts.isShorthandPropertyAssignment(prop)) strings(prop.name, sf, out);
  }
}

/** Every message lib/ may return to the console (see the file's comment), with where it is. */
export function extractLibMessages(): Extracted[] {
  const out: Extracted[] = [];
  for (const file of libFiles(path.join(ROOT, "lib"))) {
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    if (SKIP.test(rel) && rel !== "lib/i18n/user-locale.ts") continue;
    const sf = sourceOf(file);
    if (!sf) continue;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
        if (ts.isIdentifier(callee) && name === "fail") {
          if (node.arguments[1]) strings(node.arguments[1], sf, out);
          if (node.arguments[2]) objectMessages(node.arguments[2], sf, out);
        } else if (ts.isIdentifier(callee) && name === "requiredOr") {
          for (const arg of node.arguments) strings(arg, sf, out);
        } else if (ts.isPropertyAccessExpression(callee) && ZOD_CHECKS.has(name)) {
          for (const arg of node.arguments) {
            if (ts.isObjectLiteralExpression(arg)) {
              for (const prop of arg.properties) {
                if (ts.isPropertyAssignment(prop) && /^(error|message)$/.test(prop.name.getText(sf))) strings(prop.initializer, sf, out);
              }
            } else if (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg)) strings(arg, sf, out);
            else if (ts.isIdentifier(arg) && /^[A-Z_]+$/.test(arg.text)) strings(arg, sf, out);
          }
        }
      }
      // A check's refusal: { ok: false, message: "…" }.
      if (ts.isObjectLiteralExpression(node) && node.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === "ok" && p.initializer.kind === ts.SyntaxKind.FalseKeyword)) {
        for (const p of node.properties) if (ts.isPropertyAssignment(p) && p.name.getText(sf) === "message") strings(p.initializer, sf, out);
      }
      // ctx.addIssue({ message }) and { error: … } / { message: … } options handed to zod.
      if (ts.isPropertyAssignment(node) && /^(error|message)$/.test(node.name.getText(sf)) && ts.isObjectLiteralExpression(node.parent)) {
        const call = node.parent.parent;
        if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) strings(node.initializer, sf, out);
      }
      node.forEachChild(visit);
    };
    visit(sf);
  }
  const unique = new Map<string, Extracted>();
  for (const e of out) if (!unique.has(e.text)) unique.set(e.text, e);
  return [...unique.values()];
}

/**
 * The concrete messages of the text fields of lib/validations/common.ts (`displayName`,
 * `description`, `queryText`) for every label and limit lib/ calls them with, as common.ts
 * words them: "Workspace name must be at most 50 characters".
 */
export function extractTextFieldMessages(): Extracted[] {
  const out: Extracted[] = [];
  const defaults: Record<string, string> = { displayName: "Name", description: "Description" };
  for (const file of libFiles(path.join(ROOT, "lib"))) {
    if (/\.test\.ts$/.test(file)) continue;
    const sf = sourceOf(file);
    if (!sf) continue;
    const rel = path.relative(ROOT, file);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^(displayName|description|queryText)$/.test(node.expression.text)) {
        const kind = node.expression.text;
        const options = node.arguments[0];
        if (options && ts.isObjectLiteralExpression(options)) {
          const prop = (name: string) => options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === name)?.initializer;
          const labelNode = prop("label");
          const label = labelNode && ts.isStringLiteral(labelNode) ? labelNode.text : defaults[kind];
          let maxNode = prop("max");
          if (maxNode && ts.isIdentifier(maxNode)) maxNode = declarationOf(sf, maxNode.text)?.node as ts.Expression | undefined;
          const max = maxNode && ts.isNumericLiteral(maxNode) ? Number(maxNode.text) : null;
          if (label && max !== null) {
            const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
            const texts =
              kind === "queryText"
                ? [`${label} must be text`, `${label} must be at most ${max} characters`, `${label} must not contain control characters`]
                : [
                    `${label} is required`,
                    `${label} must be text`,
                    `${label} must be at most ${max} characters`,
                    `${label} must not contain control characters`,
                    `${label} must not contain invisible or direction-changing characters (such as U+200B or U+202E)`,
                  ];
            for (const text of texts) out.push({ text, template: false, file: rel, line });
          }
        }
      }
      node.forEachChild(visit);
    };
    visit(sf);
  }
  return out;
}
