import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";

/** The page heading, shared by the page and its loading skeleton so nothing moves when data arrives. */
export function ApiKeysPageHeader({ actions }: { actions?: React.ReactNode }) {
  const t = useTranslations("ApiKeys");
  return <PageHeader title={t("title")} description={t("description")} actions={actions} />;
}
