import { NotFoundCard } from "@/components/layout/not-found-card";

/** Outside a workspace (no shell to show): the same card as inside one. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24">
      <NotFoundCard
        title="Page not found"
        message="This page does not exist, or you do not have access to it."
        href="/"
        linkLabel="Go to your workspace"
      />
    </main>
  );
}
