import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * No component renders user-facing text that is not in the message files: JSX text, text-bearing
 * attributes (aria-label, placeholder, title, alt, label…), strings and templates rendered as
 * children, toast messages and page titles. Code, symbols and the brand name are not words to
 * translate; a line marked `i18n-ignore` (with the reason) is skipped, e.g. a code sample.
 */

const ROOT = path.join(__dirname, "..", "..");
const DIRS = ["app", "components"];
const TEXT_ATTRIBUTES = /^(aria-label|aria-description|aria-roledescription|aria-valuetext|placeholder|title|alt|label|[a-z]+Label|[a-z]+Text|description|heading|message|emptyMessage)$/;
const ALLOWED = new Set(["Keyward"]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name) ? [full] : [];
  });
}

/** Words a reader would read: at least two letters in a row, not an identifier-like token. */
function isWords(text: string): boolean {
  const t = text.replace(/\s+/g, " ").trim();
  if (!t || ALLOWED.has(t)) return false;
  return /\p{L}{2,}/u.test(t);
}

type Finding = { file: string; line: number; text: string };

function scan(file: string): Finding[] {
  const source = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const lines = source.split("\n");
  const out: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    if (/i18n-ignore/.test(lines[line] ?? "") || /i18n-ignore/.test(lines[line - 1] ?? "")) return;
    out.push({ file: path.relative(ROOT, file), line: line + 1, text: text.replace(/\s+/g, " ").trim().slice(0, 80) });
  };
  /** A string or template rendered as-is: directly, or as a branch of ?:, && or ||. */
  const rendered = (expr: ts.Expression | undefined): void => {
    if (!expr) return;
    if (ts.isParenthesizedExpression(expr)) return rendered(expr.expression);
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      if (isWords(expr.text)) report(expr, expr.text);
    } else if (ts.isTemplateExpression(expr)) {
      const statics = [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join(" ");
      if (isWords(statics)) report(expr, statics);
    } else if (ts.isConditionalExpression(expr)) {
      rendered(expr.whenTrue);
      rendered(expr.whenFalse);
    } else if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(expr.operatorToken.kind)) {
      rendered(expr.right);
      if (expr.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) rendered(expr.left);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isWords(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) rendered(node.expression);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.test(node.name.getText(sf)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) rendered(node.initializer);
      else if (ts.isJsxExpression(node.initializer)) rendered(node.initializer.expression);
    }
    // toast("…"), toast.success("…"), toast.error("…", { description: "…" })
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(sf);
      if (/^toast(\.\w+)?$/.test(callee)) rendered(node.arguments[0]);
    }
    // Page titles and descriptions: export const metadata = { title: "…" }, generateMetadata's return.
    if (ts.isPropertyAssignment(node) && /^(title|description|default)$/.test(node.name.getText(sf)) && file.includes(`${path.sep}app${path.sep}`)) rendered(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe("no literal user-facing strings", () => {
  it("every text in app/ and components/ comes from the message files", () => {
    const findings = DIRS.flatMap((d) => files(path.join(ROOT, d))).flatMap(scan);
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });
});
