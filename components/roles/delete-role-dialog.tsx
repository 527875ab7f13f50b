"use client";

import { toast } from "sonner";
import { deleteRoleAction } from "@/lib/actions/roles";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { RoleUsage } from "@/lib/roles/rules";

export function DeleteRoleDialog({
  slug,
  role,
  onClose,
}: {
  slug: string;
  role: { id: string; name: string; usage: RoleUsage };
  onClose: () => void;
}) {
  const deletion = useServerAction(deleteRoleAction);
  const { usage } = role;
  const inUse = usage.memberCount > 0 || usage.keyCount > 0;

  const remove = async () => {
    const result = await deletion.run(slug, { roleId: role.id });
    if (!result.ok) return;
    toast.success("Role deleted");
    onClose();
  };

  if (inUse) {
    return (
      <Dialog
        open
        onOpenChange={(open) => !open && onClose()}
        title="This role is in use"
        description={`“${role.name}” can be deleted once no member or API key holds it.`}
        footer={<Button onClick={onClose}>Close</Button>}
      >
        <UsageList usage={usage} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      title="Delete role?"
      description={`“${role.name}” is deleted for good. No member or API key holds it.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="destructive" pending={deletion.pending} onClick={remove}>
            Delete role
          </Button>
        </>
      }
    >
      <FormError message={deletion.error} />
    </Dialog>
  );
}

export function UsageList({ usage }: { usage: RoleUsage }) {
  const more = (total: number, shown: number) =>
    total > shown ? <li className="text-zinc-500 dark:text-zinc-400">and {total - shown} more</li> : null;
  return (
    <div className="space-y-3 text-sm">
      {usage.memberCount > 0 && (
        <div>
          <h3 className="font-medium">
            Held by {usage.memberCount} member{usage.memberCount === 1 ? "" : "s"}
          </h3>
          <ul className="mt-1 list-disc pl-5">
            {usage.members.map((m) => (
              <li key={m.userId}>
                {m.name} <span className="text-zinc-600 dark:text-zinc-400">({m.email})</span>
              </li>
            ))}
            {more(usage.memberCount, usage.members.length)}
          </ul>
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Change their roles on the Members page.</p>
        </div>
      )}
      {usage.keyCount > 0 && (
        <div>
          <h3 className="font-medium">
            Held by {usage.keyCount} API key{usage.keyCount === 1 ? "" : "s"}
          </h3>
          <ul className="mt-1 list-disc pl-5">
            {usage.keys.map((k) => (
              <li key={k.id}>
                <span className="font-mono">{k.name}</span>
              </li>
            ))}
            {more(usage.keyCount, usage.keys.length)}
          </ul>
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Modify those keys on the API Keys page.</p>
        </div>
      )}
    </div>
  );
}
