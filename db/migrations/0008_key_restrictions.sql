ALTER TABLE "api_keys" ADD COLUMN "ip_allowlist" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "rate_limit" integer;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "rate_limit_window" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_rate_limit_check" CHECK (("api_keys"."rate_limit" is null and "api_keys"."rate_limit_window" is null) or ("api_keys"."rate_limit" between 1 and 1000000 and "api_keys"."rate_limit_window" in ('second', 'minute', 'hour')));
