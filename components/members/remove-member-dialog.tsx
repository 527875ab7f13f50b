"use client";

import { toast } from "sonner";
import { removeMemberAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";

export function RemoveMemberDialog({
  slug,
  workspaceName,
  member,
  onClose,
}: {
  slug: string;
  workspaceName: string;
  member: { memberId: string; name: string; email: string; keyCount: number; isYou: boolean };
  onClose: () => void;
}) {
  const removal = useServerAction(removeMemberAction);

  const remove = async () => {
    const result = await removal.run(slug, { memberId: member.memberId });
    if (!result.ok) return;
    toast.success("Member removed");
    onClose();
  };

  const keys = member.keyCount === 1 ? "Their API key becomes" : `Their ${member.keyCount} API keys become`;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      title="Remove member?"
      description={
        <>
          <strong className="font-medium text-zinc-900 dark:text-zinc-100">{member.name}</strong> ({member.email}){" "}
          {member.isYou ? "— that is you — " : ""}loses access to {workspaceName}.
        </>
      }
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="destructive" pending={removal.pending} onClick={remove}>
            Remove member
          </Button>
        </>
      }
    >
      <FormError message={removal.error} />
      <p className="text-sm">
        {member.keyCount > 0 ? (
          <>
            {keys} <strong className="font-medium">“Inactive — creator removed”</strong> and stop working at once. They stay
            listed so you can see what they were for.
          </>
        ) : (
          "They created no API keys in this workspace."
        )}
      </p>
    </Dialog>
  );
}
