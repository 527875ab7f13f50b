ALTER TABLE "api_keys" ADD COLUMN "leaked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "leak_source" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "leak_url" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "is_decoy" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "leak_policy" text DEFAULT 'disable' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_leak_policy_check" CHECK ("workspaces"."leak_policy" in ('disable', 'delete', 'notify'));
