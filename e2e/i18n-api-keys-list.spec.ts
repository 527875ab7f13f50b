import type { Browser, Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from "./support/fixtures";
import { signIn } from "./support/admin";
import { DEMO_PASSWORD, E2E_USERS } from "./support/users";

// SPEC §14: the API keys list in Chinese and Ukrainian, the language coming from the browser
// (Accept-Language). Read-only on the shared demo data: nothing is created, changed or deleted
// (a row is ticked and unticked; no bulk action runs), and no user's saved language is touched.
test.describe.configure({ timeout: 120_000 });

type Copy = {
  heading: string;
  create: string;
  table: string;
  search: string;
  headers: string[];
  readOnly: string;
  administrator: string;
  permanent: string;
  expired: string;
  never: string;
  status: { label: string; options: string[] };
  actions: string;
  menu: string[];
  select: (name: string) => string;
  selectAll: string;
  toolbar: string;
  selected: (n: number) => string;
  bulkButtons: string[];
  pagination: string;
  empty: { title: string; button: string };
  freePlan: string;
};

const COPY: Record<"zh-CN" | "uk-UA", Copy> = {
  "zh-CN": {
    heading: "API 密钥管理",
    create: "创建密钥",
    table: "API 密钥",
    search: "按名称搜索密钥",
    headers: ["", "名称", "密钥", "角色", "创建时间", "过期时间", "上次使用", "请求数（24 小时）", "创建者", "操作"],
    readOnly: "只读成员",
    administrator: "管理员",
    permanent: "永久有效",
    expired: "已过期",
    never: "从未使用",
    status: { label: "状态", options: ["全部", "有效", "即将过期", "已过期", "已停用"] },
    actions: "操作",
    menu: ["查看详情", "修改", "轮换密钥", "停用", "删除"],
    select: (name) => `选择 ${name}`,
    selectAll: "选择本页全部密钥",
    toolbar: "已选密钥",
    selected: (n) => `已选择 ${n} 个`,
    bulkButtons: ["停用", "启用", "删除", "清除选择"],
    pagination: "分页",
    empty: { title: "还没有 API 密钥", button: "创建第一个密钥" },
    freePlan: "API 密钥仅适用于小型版及以上套餐。",
  },
  "uk-UA": {
    heading: "Керування API-ключами",
    create: "Створити ключ",
    table: "API-ключі",
    search: "Пошук ключів за назвою",
    headers: ["", "Назва", "Ключ", "Ролі", "Створено", "Термін дії", "Востаннє використано", "Запити (24 год)", "Автор", "Дії"],
    readOnly: "Лише читання",
    administrator: "Адміністратор",
    permanent: "Безстроковий",
    expired: "Термін минув",
    never: "Ніколи",
    status: { label: "Статус", options: ["Усі", "Активні", "Незабаром спливають", "Прострочені", "Вимкнені"] },
    actions: "Дії",
    menu: ["Переглянути деталі", "Змінити", "Перевипустити ключ", "Вимкнути", "Видалити"],
    select: (name) => `Вибрати ${name}`,
    selectAll: "Вибрати всі на цій сторінці",
    toolbar: "Вибрані ключі",
    selected: (n) => `Вибрано: ${n}`,
    bulkButtons: ["Вимкнути", "Увімкнути", "Видалити", "Скасувати вибір"],
    pagination: "Пагінація",
    empty: { title: "Ще немає API-ключів", button: "Створити перший ключ" },
    freePlan: "API-ключі доступні на тарифі «Малий» і вище.",
  },
};

const row = (page: Page, copy: Copy, name: string) =>
  page
    .getByRole("table", { name: copy.table })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) });

/** Signs in (the login page in English) and reopens the session in a browser speaking `locale`. */
async function signInSpeaking(browser: Browser, email: string, locale: string): Promise<Page> {
  const english = await signIn(browser, email, DEMO_PASSWORD);
  const storageState = await english.context().storageState();
  await english.context().close();
  const context = await browser.newContext({ storageState, locale, timezoneId: "UTC" });
  return context.newPage();
}

for (const locale of ["zh-CN", "uk-UA"] as const) {
  const copy = COPY[locale];
  const slug = locale.slice(0, 2);

  test.describe(`the API keys list in ${locale}`, () => {
    test("heading, columns, filters, row menu and bulk toolbar are translated", async ({ as }) => {
      const page = await as("admin", locale);
      await page.goto("/w/acme/api-keys");
      await expect(page.getByRole("heading", { level: 1, name: copy.heading })).toBeVisible();
      await expect(page.getByRole("button", { name: copy.create })).toBeEnabled();
      await expect(page.getByRole("searchbox", { name: copy.search })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(copy.heading));

      const table = page.getByRole("table", { name: copy.table });
      await expect(table.getByRole("columnheader")).toHaveText(copy.headers);

      const tcross = row(page, copy, "tcross_ro");
      await expect(tcross).toContainText(copy.readOnly);
      await expect(tcross).toContainText(copy.permanent);
      // Times stay YYYY-MM-DD HH:mm:ss in every language (other specs use this key: its times change).
      await expect(tcross).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
      await expect(row(page, copy, "productreport").getByText(copy.expired, { exact: true })).toBeVisible();
      const rharman = row(page, copy, "rharman_automation_rw");
      await expect(rharman).toContainText(copy.administrator);
      await expect(rharman.getByText(copy.never, { exact: true })).toBeVisible();
      await expect(page.getByRole("navigation", { name: copy.pagination })).toBeVisible();

      const status = page.getByRole("combobox", { name: copy.status.label });
      await expect(status.locator("option")).toHaveText(copy.status.options);

      // The row menu "Actions", opened: every item in the reader's language.
      await tcross.getByRole("button", { name: copy.actions }).click();
      await expect(page.getByRole("menuitem")).toHaveText(copy.menu);
      await expectNoSeriousA11yViolations(page);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu")).toHaveCount(0);

      // A selection shows the bulk toolbar (nothing is run).
      await tcross.getByRole("checkbox", { name: copy.select("tcross_ro") }).check();
      await row(page, copy, "chris_ro").getByRole("checkbox", { name: copy.select("chris_ro") }).check();
      const toolbar = page.getByRole("toolbar", { name: copy.toolbar });
      await expect(toolbar).toContainText(copy.selected(2));
      await expect(toolbar.getByRole("button")).toHaveText(copy.bulkButtons);
      await expect(table.getByRole("checkbox", { name: copy.selectAll })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, `i18n-api-keys-list-${slug}`);
      await toolbar.getByRole("button", { name: copy.bulkButtons[3] }).click();
      await expect(toolbar).toHaveCount(0);
    });

    test("an empty workspace says so, with the create button", async ({ browser }) => {
      // "Quiet" never has keys; its Owner may create some.
      const page = await signInSpeaking(browser, E2E_USERS.pager, locale);
      await page.goto("/w/quiet/api-keys");
      await expect(page.getByRole("heading", { level: 1, name: copy.heading })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: copy.empty.title })).toBeVisible();
      await expect(page.getByRole("button", { name: copy.empty.button })).toBeEnabled();
      await expect(page.getByRole("table")).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, `i18n-api-keys-empty-${slug}`);
      await page.context().close();
    });

    test("a Free workspace explains the plan", async ({ as }) => {
      const page = await as("globexOwner", locale);
      await page.goto("/w/globex/api-keys");
      await expect(page.getByRole("heading", { level: 1, name: copy.heading })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: copy.freePlan })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}
