import { PageHeader } from "@/components/layout/page-header";

export const API_KEYS_TITLE = "API Key Management";
export const API_KEYS_DESCRIPTION = "Keys let integrations call the Keyward Open API with the permissions of their roles.";

/** The page heading, shared by the page and its loading skeleton so nothing moves when data arrives. */
export function ApiKeysPageHeader({ actions }: { actions?: React.ReactNode }) {
  return <PageHeader title={API_KEYS_TITLE} description={API_KEYS_DESCRIPTION} actions={actions} />;
}
