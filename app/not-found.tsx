import { getTranslations } from "next-intl/server";
import { NotFoundCard } from "@/components/layout/not-found-card";

/** Outside a workspace (no shell to show): the same card as inside one. */
export default async function NotFound() {
  const t = await getTranslations("Shell.notFound");
  return (
    <main className="mx-auto max-w-lg px-4 py-24">
      <NotFoundCard
        title={t("title")}
        message={t("message")}
        href="/"
        linkLabel={t("goToWorkspace")}
      />
    </main>
  );
}
