import { notFound } from "next/navigation";

// Unknown paths under a workspace 404 inside its shell (header and navigation), not bare.
export default function MissingWorkspacePage() {
  notFound();
}
