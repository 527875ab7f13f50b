"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { transferOwnershipAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { FormError, NETWORK_ERROR } from "@/components/ui/form-bits";

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
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim().toLowerCase() === member.email.toLowerCase();

  const transfer = async () => {
    setPending(true);
    setError(null);
    try {
      const result = await transferOwnershipAction(slug, { memberId: member.memberId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      toast.success("Ownership transferred");
      onClose();
      router.refresh();
    } catch {
      setError(NETWORK_ERROR);
    } finally {
      setPending(false);
    }
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
          <Button variant="destructive" pending={pending} disabled={!matches} onClick={transfer}>
            Transfer ownership
          </Button>
        </>
      }
    >
      <FormError message={error} />
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
