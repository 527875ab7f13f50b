import { describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/auth/action";
import { NETWORK_ERROR } from "@/lib/client/action-result";
import { fail, invalidInput, type Result } from "@/lib/result";
import { describeUsage } from "@/lib/roles/usage";
import { checkLoginFields } from "@/lib/validations/login-fields";
import { renameWorkspaceSchema } from "@/lib/validations/settings";
import { apiKeyNameSchema } from "@/lib/validations/api-keys";
import { errorKey } from "./error-key";
import { createErrorTranslator, errorTranslator, keepEnglish, translateResult } from "./errors";
import { extractLibMessages, extractTextFieldMessages } from "./errors-extract";
import type { Messages } from "./messages";
import en from "./messages/en.json";
import uk from "./messages/uk.json";
import zh from "./messages/zh-CN.json";

const toUk = createErrorTranslator("uk", uk as Messages);
const toZh = createErrorTranslator("zh-CN", zh as Messages);

describe("errorKey", () => {
  it("is the English text's words in camelCase", () => {
    expect(errorKey("Name is required")).toBe("nameIsRequired");
    expect(errorKey("You don't have permission to see this key's secret")).toBe("youDonTHavePermissionToSeeThisKeySSecret");
  });
  it("has no key for translated text or text without words", () => {
    expect(errorKey("Назва обов’язкова")).toBeNull();
    expect(errorKey("名称为必填项")).toBeNull();
    expect(errorKey("42 !")).toBeNull();
  });
});

describe("the error translator", () => {
  it("translates an exact message", () => {
    expect(toUk("Workspace name must be at most 50 characters")).toBe("Назва робочого простору: не більше 50 символів");
    expect(toZh("Workspace not found")).toBe("未找到工作区");
  });

  it("translates a template, keeping its values (names, permissions, numbers)", () => {
    expect(toZh("You have reached the limit of 20 API keys in this workspace. Delete a key to create another.")).toBe(
      "你在此工作区中的 API 密钥已达上限（20 个）。请删除一个密钥后再创建。",
    );
    expect(toUk("ann@example.com is already a member of this workspace")).toBe("ann@example.com вже є учасником цього робочого простору");
    expect(toUk("You can't grant “deploy_bot”: it holds permissions you don't have (api_keys:manage, audit:read)")).toBe(
      "Ви не можете надати «deploy_bot»: ця роль має дозволи, яких у вас немає (api_keys:manage, audit:read)",
    );
  });

  it("says built-in role names and plans in the reader's language, custom ones as named", () => {
    expect(toZh("You can't take away “Administrator”: it holds permissions you don't have (members:manage)")).toBe(
      `你不能收回“${zh.Common.roles.administrator}”：它包含你没有的权限（members:manage）`,
    );
    expect(toUk("Business is already above Small")).toBe(`${uk.Common.plans.business} вже вищий за ${uk.Common.plans.small}`);
  });

  it("translates a role's usage with plurals", () => {
    const usage = describeUsage("ops", {
      memberCount: 5,
      members: [{ name: "Ann" }, { name: "Bo" }],
      keyCount: 1,
      keys: [{ name: "ci" }],
    } as Parameters<typeof describeUsage>[1]);
    expect(toUk(usage)).toBe("Роль «ops» використовують 5 учасників (Ann, Bo та ще 3) і 1 API-ключ (ci). Спершу заберіть її в них.");
    expect(toZh(usage)).toBe("“ops”正被 5 名成员（Ann, Bo 等另外 3 个）和 1 个 API 密钥（ci） 使用。请先将其移除。");
  });

  it("translates invalidInput's `field: message`, keeping the field", () => {
    expect(toUk("name: Name is required")).toBe("name: Назва обов’язкова");
    expect(toZh("url: The URL must start with https://")).toBe("url: URL 必须以 https:// 开头");
  });

  it("passes an unknown or already translated message through, and English stays English", () => {
    expect(toUk("Something nobody wrote")).toBe("Something nobody wrote");
    expect(toUk("Назва обов’язкова")).toBe("Назва обов’язкова");
    expect(toZh("ops: whatever")).toBe("ops: whatever");
    expect(keepEnglish("Workspace not found")).toBe("Workspace not found");
  });

  it("translates a result's error and every field error", async () => {
    const parsed = renameWorkspaceSchema.safeParse({ name: "x".repeat(51) });
    const result = parsed.success ? fail("internal", "unexpected") : invalidInput(parsed.error.issues);
    expect(result).toMatchObject({ error: "name: Workspace name must be at most 50 characters" });
    expect(translateResult(result, await errorTranslator("zh-CN"))).toEqual({
      ok: false,
      code: "invalid_request",
      error: "name: 工作区名称不能超过 50 个字符",
      fieldErrors: { name: "工作区名称不能超过 50 个字符" },
    });
    expect(translateResult(result, await errorTranslator("en"))).toBe(result);
    const done: Result<number> = { ok: true, data: 1 };
    expect(translateResult(done, toUk)).toBe(done);
  });

  it("runs in runWorkspaceAction: English without a language, the request's language with one", async () => {
    const signedOut = { sessionUserId: null, ip: null };
    expect(await runWorkspaceAction(async () => signedOut, "acme", async () => fail("internal", "never"))).toMatchObject({
      error: "Your session has ended. Sign in again.",
    });
    const inUk = await runWorkspaceAction(async () => ({ ...signedOut, translate: toUk }), "acme", async () => fail("internal", "never"));
    expect(inUk).toMatchObject({ code: "unauthenticated", error: uk.Errors.messages.yourSessionHasEndedSignInAgain });
  });
});

describe("every message lib/ can produce has a translation", () => {
  const messages = extractLibMessages().filter((m) => /\s/.test(m.text) && /\p{L}{2,}/u.test(m.text));
  const probes = [
    ...extractTextFieldMessages().map((m) => m.text),
    NETWORK_ERROR,
    "Unknown field",
    ...Object.values(checkLoginFields({ email: "", password: "" })),
    ...Object.values(checkLoginFields({ email: "nope", password: "x".repeat(2000) })),
  ];

  it("finds lib/'s messages (the extraction works)", () => {
    const texts = messages.map((m) => m.text);
    expect(texts).toContain("A key with this name already exists");
    expect(texts).toContain("The Owner cannot be removed. Transfer ownership first.");
    expect(texts).toContain("You don't have permission to change the plan");
    expect(texts).toContain("You have reached the limit of {0} API keys in this workspace. Delete a key to create another.");
    expect(messages.length).toBeGreaterThan(100);
    // The text fields' messages are as common.ts words them.
    const probe = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) =>
      schema.safeParse(value).error?.issues[0]?.message;
    for (const found of [probe(renameWorkspaceSchema.shape.name, "x".repeat(51)), probe(apiKeyNameSchema, " "), probe(apiKeyNameSchema, "a\u200bb"), probe(apiKeyNameSchema, 3)]) {
      expect(probes).toContain(found);
    }
  });

  for (const [locale, translate] of [
    ["zh-CN", toZh],
    ["uk", toUk],
  ] as const) {
    it(`${locale}: every exact message`, () => {
      const texts = [...messages.filter((m) => !m.template).map((m) => m.text), ...probes];
      const missing = texts.filter((text) => translate(text) === text);
      expect(missing).toEqual([]);
    });

    it(`${locale}: every message built from a template, with sample values`, () => {
      const templates = messages.filter(
        (m) => m.template && m.file !== "lib/validations/common.ts" && !/^(\{0\}|[a-z]+): \{\d\}$/.test(m.text),
      );
      const missing = templates
        .map((m) => ({ ...m, sample: m.text.replace(/\{(\d)\}/g, (_, i) => `sample${i}`) }))
        .filter((m) => translate(m.sample) === m.sample)
        .map((m) => `${m.file}:${m.line} ${m.text}`);
      expect(missing).toEqual([]);
    });
  }

  it("has no entry nobody can produce twice under one key (keys are unique per text)", () => {
    const english = Object.values(en.Errors.messages);
    expect(new Set(english).size).toBe(english.length);
  });
});
