import type { Browser, Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, letClicksThroughToasts, screenshotBoth, test } from "./support/fixtures";
import { createKeyThroughDialog, deleteKeyThroughDialogs, uniqueName } from "./support/api-keys";
import { DEMO_PASSWORD, E2E_USERS } from "./support/users";

/**
 * Settings and Usage in Chinese and Ukrainian (SPEC §14): the language comes from the browser
 * (Accept-Language), never from a demo user's saved choice. Acme is shared with other specs, so
 * nothing is changed there: dialogs are opened and cancelled. The shared secret's Rotate dialog
 * and an endpoint's card need a secret and an endpoint: those are made in "Quiet" (no keys, so
 * no key event reaches the endpoint), whose owner is signed in with the browser in the language.
 */

const LOCALES = [
  {
    browser: "zh-CN",
    lang: "zh-CN",
    settings: "设置",
    sharedSecret: "API 共享密钥",
    createSecret: "创建共享密钥",
    rotate: "轮换",
    rotateDialog: "轮换 API 共享密钥",
    grace24h: "24 小时",
    webhooks: "Webhook",
    addEndpoint: "添加端点",
    addDialog: "添加 Webhook 端点",
    events: "事件",
    cancel: "取消",
    save: "保存",
    added: "已添加 Webhook 端点",
    sendTest: "发送测试事件",
    testQueued: "测试事件已加入队列",
    deliveries: "投递记录",
    delete: "删除",
    deleteDialog: "删除 Webhook 端点",
    leaks: "泄露的密钥",
    leakLegend: "当密钥被报告泄露时",
    disableIt: "停用密钥",
    showOnce: "密钥值仅显示一次",
    usage: "用量",
    tab24h: "24 小时",
    tab7d: "7 天",
    viewAsTable: "以表格查看",
    topByRequests: "请求最多的密钥",
    chart: /成功请求 [\d,]+ 个，被拒绝请求 [\d,]+ 个，按小时统计/,
  },
  {
    browser: "uk-UA",
    lang: "uk",
    settings: "Налаштування",
    sharedSecret: "Спільний секрет API",
    createSecret: "Створити спільний секрет",
    rotate: "Перевипустити",
    rotateDialog: "Перевипустити спільний секрет API",
    grace24h: "24 години",
    webhooks: "Вебхуки",
    addEndpoint: "Додати кінцеву точку",
    addDialog: "Додати кінцеву точку вебхука",
    events: "Події",
    cancel: "Скасувати",
    save: "Зберегти",
    added: "Кінцеву точку вебхука додано",
    sendTest: "Надіслати тестову подію",
    testQueued: "Тестову подію поставлено в чергу",
    deliveries: "Доставки",
    delete: "Видалити",
    deleteDialog: "Видалити кінцеву точку вебхука",
    leaks: "Скомпрометовані ключі",
    leakLegend: "Коли надходить повідомлення про витік ключа",
    disableIt: "Вимкнути його",
    showOnce: "Показувати секрети лише один раз",
    usage: "Використання",
    tab24h: "24 години",
    tab7d: "7 днів",
    viewAsTable: "Показати таблицею",
    topByRequests: "Ключі з найбільшою кількістю запитів",
    chart: /успішних запитів — [\d\s]+, відхилених — [\d\s]+, по годинах/,
  },
] as const;

/** Quiet's owner, signed in through the form (the login page may already speak the language: fields by id). */
async function quietOwner(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: "UTC", locale });
  await letClicksThroughToasts(context);
  const page = await context.newPage();
  await page.goto("/login");
  await page.locator("#email").fill(E2E_USERS.pager);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("button[type=submit]").first().click();
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+\/[a-z-]+$/, { timeout: 30_000 });
  return page;
}

test.describe("Settings and Usage in Chinese and Ukrainian", () => {
  test.describe.configure({ timeout: 240_000 });

  for (const l of LOCALES) {
    test(`${l.browser}: Settings (all sections, add-webhook dialog) and Usage (chart, tabs, table) as the owner of Acme`, async ({ as }) => {
      const page = await as("owner", l.browser);
      await page.goto("/w/acme/settings");
      await expect(page.locator("html")).toHaveAttribute("lang", l.lang);
      await expect(page.getByRole("heading", { level: 1, name: l.settings })).toBeVisible();
      await expect(page.getByRole("region", { name: l.sharedSecret })).toBeVisible();
      await expect(page.getByRole("switch", { name: l.showOnce })).toBeVisible();
      const leaks = page.getByRole("region", { name: l.leaks });
      await expect(leaks.getByRole("group", { name: l.leakLegend })).toBeVisible();
      await expect(leaks.getByRole("radio", { name: l.disableIt })).toBeVisible();
      const webhooks = page.getByRole("region", { name: l.webhooks, exact: true });
      await expect(webhooks.getByRole("heading", { name: l.webhooks, exact: true })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, `i18n-settings-usage-settings-${l.browser}`);

      await webhooks.getByRole("button", { name: l.addEndpoint }).click();
      const dialog = page.getByRole("dialog", { name: l.addDialog });
      await expect(dialog.getByRole("group", { name: l.events })).toBeVisible();
      // Event names are codes: the same in every language.
      await expect(dialog.getByRole("checkbox", { name: "api_key.created" })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, `i18n-settings-usage-add-webhook-${l.browser}`);
      await dialog.getByRole("button", { name: l.cancel }).click();
      await expect(dialog).toBeHidden();

      // Requests of a key of our own (made in English, the helpers' language), so the chart has bars.
      const english = await as("owner");
      await english.goto("/w/acme/api-keys");
      const keyName = uniqueName(`i18n-usage-${l.lang}`);
      const apiKey = await createKeyThroughDialog(english, keyName);
      for (let i = 0; i < 3; i++) await english.request.get("/api/v1/me", { headers: { "X-Api-Key": apiKey } });
      await english.request.get("/api/v1/audit-log", { headers: { "X-Api-Key": apiKey } });

      await page.goto("/w/acme/usage");
      await expect(page.getByRole("heading", { level: 1, name: l.usage })).toBeVisible();
      // Counts reach the database within USAGE_FLUSH_MS (200 ms in e2e).
      await expect(async () => {
        await page.reload();
        await expect(page.getByRole("tabpanel").getByRole("img", { name: l.chart })).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      await expect(page.getByRole("tab", { name: l.tab24h, selected: true })).toBeVisible();
      const panel = page.getByRole("tabpanel");
      await expect(panel.getByRole("table", { name: l.topByRequests })).toBeVisible();
      await page.getByRole("tab", { name: l.tab7d }).click();
      await expect(page.getByRole("tab", { name: l.tab7d, selected: true })).toBeVisible();
      await page.getByRole("tab", { name: l.tab24h }).click();
      // Acme's demo data has requests in the last 24 hours: the chart and its table.
      await expect(panel.getByRole("img", { name: l.chart })).toBeVisible();
      await panel.getByRole("button", { name: l.viewAsTable }).click();
      await expect(panel.getByRole("button", { name: l.viewAsTable })).toHaveAttribute("aria-expanded", "true");
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, `i18n-settings-usage-usage-${l.browser}`);

      await english.goto("/w/acme/api-keys");
      await deleteKeyThroughDialogs(english, keyName);
    });
  }

  test.describe("in Quiet", () => {
    // One after the other: both make Quiet's shared secret and endpoint on their way.
    test.describe.configure({ mode: "serial" });
    for (const l of LOCALES) {
      test(`${l.browser}: the shared secret's Rotate dialog and an endpoint's card with its deliveries`, async ({ browser }) => {
        const page = await quietOwner(browser, l.browser);
        try {
          await page.goto("/w/quiet/settings");
          await expect(page.getByRole("heading", { level: 1, name: l.settings })).toBeVisible();
          const secret = page.getByRole("region", { name: l.sharedSecret });
          const create = secret.getByRole("button", { name: l.createSecret });
          if (await create.isVisible()) {
            await create.click();
            await expect(secret.getByTestId("shared-secret-value")).toHaveText(/^ss_/);
          }
          await secret.getByRole("button", { name: l.rotate }).click();
          const rotate = page.getByRole("dialog", { name: l.rotateDialog });
          await expect(rotate.getByRole("radio", { name: l.grace24h })).toBeVisible();
          await expectNoSeriousA11yViolations(page);
          await screenshotBoth(page, `i18n-settings-usage-rotate-secret-${l.browser}`);
          await rotate.getByRole("button", { name: l.cancel }).click();
          await expect(rotate).toBeHidden();

          // An endpoint nobody listens on: the test event's delivery waits for its next attempt.
          const webhooks = page.getByRole("region", { name: l.webhooks, exact: true });
          await webhooks.getByRole("button", { name: l.addEndpoint }).click();
          const add = page.getByRole("dialog", { name: l.addDialog });
          const url = `http://127.0.0.1:9/i18n-${l.browser}-${Date.now()}`;
          await add.locator("#webhook-url").fill(url);
          await add.getByRole("checkbox", { name: "api_key.created" }).check();
          await add.getByRole("button", { name: l.save }).click();
          await expect(page.getByText(l.added)).toBeVisible();
          const card = page.getByTestId("webhook-endpoint").filter({ hasText: url });
          await card.getByRole("button", { name: l.sendTest }).click();
          await expect(page.getByText(l.testQueued)).toBeVisible();
          await expect(card.getByRole("heading", { name: l.deliveries })).toBeVisible();
          await expect(card.getByTestId("webhook-delivery").first()).toContainText("webhook.test");
          await expectNoSeriousA11yViolations(page);
          await screenshotBoth(page, `i18n-settings-usage-endpoint-${l.browser}`);

          await card.getByRole("button", { name: l.delete, exact: true }).click();
          const del = page.getByRole("alertdialog", { name: l.deleteDialog });
          await expect(del).toContainText(url);
          await del.getByRole("button", { name: l.delete }).click();
          await expect(card).toHaveCount(0);
        } finally {
          await page.context().close();
        }
      });
    }
  });
});
