"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createWebhookAction } from "@/lib/actions/webhooks";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-errors";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useServerAction } from "@/lib/client/use-server-action";
import type { WebhookEndpointView } from "@/lib/webhooks/endpoints";
import { createWebhookSchema, WEBHOOK_EVENT_TYPES, type CreateWebhookInput } from "@/lib/validations/webhooks";

const EMPTY: CreateWebhookInput = { url: "", description: "", events: [] };

/** "Add endpoint" → dialog "Add webhook endpoint": URL, Description, Events, Save. */
export function AddWebhookDialog({
  slug,
  open,
  onOpenChange,
  onAdded,
}: {
  slug: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAdded: (endpoint: WebhookEndpointView) => void;
}) {
  const t = useTranslations("Webhooks.addDialog");
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateWebhookInput>({ resolver: zodResolver(createWebhookSchema), defaultValues: EMPTY });
  const creation = useServerAction(createWebhookAction, { fields: ["url", "description", "events"], setError });

  const onSubmit = handleSubmit(async (values) => {
    const result = await creation.run(slug, values);
    if (!result.ok) return;
    onAdded(result.data);
    reset(EMPTY);
    onOpenChange(false);
    toast.success(t("added"));
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (isSubmitting) return;
        onOpenChange(next);
        if (!next) {
          reset(EMPTY);
          creation.clearError();
        }
      }}
      title={t("title")}
      description={t("description")}
      footer={
        <>
          <Button variant="secondary" disabled={isSubmitting} onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button type="submit" form="add-webhook" pending={isSubmitting}>
            {t("save")}
          </Button>
        </>
      }
    >
      <form id="add-webhook" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={creation.error} />
        <div>
          <Label htmlFor="webhook-url">{t("url")}</Label>
          <Input
            id="webhook-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://example.com/webhooks" // i18n-ignore: an example URL, the same in every language
            aria-invalid={errors.url ? true : undefined}
            aria-describedby={errors.url ? "webhook-url-error" : undefined}
            {...register("url")}
          />
          <FieldError id="webhook-url-error" message={errors.url?.message} />
        </div>
        <div>
          <Label htmlFor="webhook-description">{t("descriptionLabel")}</Label>
          <Input
            id="webhook-description"
            autoComplete="off"
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? "webhook-description-error" : undefined}
            {...register("description")}
          />
          <FieldError id="webhook-description-error" message={errors.description?.message} />
        </div>
        <fieldset aria-describedby={errors.events ? "webhook-events-error" : undefined} aria-invalid={errors.events ? true : undefined}>
          <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("events")}</legend>
          <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
            {WEBHOOK_EVENT_TYPES.map((event) => (
              <label key={event} className="flex min-w-0 cursor-pointer items-center gap-2 text-sm">
                <input type="checkbox" value={event} className="h-4 w-4 shrink-0 accent-indigo-600" {...register("events")} />
                <code className="font-mono text-[13px] break-all">{event}</code>
              </label>
            ))}
          </div>
          <FieldError id="webhook-events-error" message={errors.events?.message ?? errors.events?.root?.message} />
        </fieldset>
      </form>
    </Dialog>
  );
}
