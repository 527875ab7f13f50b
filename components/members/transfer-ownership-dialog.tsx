"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { transferOwnershipAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";

export function TransferOwnershipDialog({
  slug,
  workspaceName,
  member,
  ownerKeyExists,
  onClose,
}: {
  slug: string;
  workspaceName: string;
  member: { memberId: string; name: string; email: string };
  ownerKeyExists: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const transferring = useServerAction(transferOwnershipAction);
  const matches = typed.trim().toLowerCase() === member.email.toLowerCase();

  const transfer = async () => {
    const result = await transferring.run(slug, { memberId: member.memberId });
    if (!result.ok) return;
    toast.success("Ownership transferred");
    onClose();
    router.refresh();
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      title="Transfer ownership?"
      description={
        <>
          <strong className="font-medium text-zinc-900 dark:text-zinc-100">{member.name}</strong> becomes the Owner of {workspaceName}.
          You become an Administrator.
        </>
      }
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="destructive" pending={transferring.pending} disabled={!matches} onClick={transfer}>
            Transfer ownership
          </Button>
        </>
      }
    >
      <FormError message={transferring.error} />
      <ul className="mb-4 list-disc space-y-1 pl-5 text-sm">
        {ownerKeyExists ? (
          <li>
            <strong className="font-medium">The owner key is deleted</strong> and stops working at once. {member.name} can then create
            their own.
          </li>
        ) : (
          <li>{member.name} can then create the owner key.</li>
        )}
        <li>Your keys keep working with an Administrator&apos;s permissions.</li>
        <li>Only the new Owner can give ownership back.</li>
      </ul>
      <Label htmlFor="transfer-confirm">Type the member&apos;s email to confirm</Label>
      <Input
        id="transfer-confirm"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        placeholder={member.email}
      />
    </Dialog>
  );
}
