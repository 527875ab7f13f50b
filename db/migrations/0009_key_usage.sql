CREATE TABLE "key_usage_minutes" (
	"key_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "key_usage_minutes_key_id_minute_outcome_pk" PRIMARY KEY("key_id","minute","outcome")
);
--> statement-breakpoint
CREATE TABLE "key_usage_hours" (
	"key_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "key_usage_hours_key_id_hour_outcome_pk" PRIMARY KEY("key_id","hour","outcome")
);
--> statement-breakpoint
CREATE TABLE "workspace_usage_hours" (
	"workspace_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "workspace_usage_hours_workspace_id_hour_outcome_pk" PRIMARY KEY("workspace_id","hour","outcome")
);
--> statement-breakpoint
CREATE TABLE "key_permission_uses" (
	"key_id" text NOT NULL,
	"permission" text NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "key_permission_uses_key_id_permission_pk" PRIMARY KEY("key_id","permission")
);
--> statement-breakpoint
CREATE TABLE "key_last_uses" (
	"key_id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "key_usage_minutes" ADD CONSTRAINT "key_usage_minutes_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_usage_hours" ADD CONSTRAINT "key_usage_hours_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_usage_hours" ADD CONSTRAINT "workspace_usage_hours_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_permission_uses" ADD CONSTRAINT "key_permission_uses_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_last_uses" ADD CONSTRAINT "key_last_uses_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_usage_minutes_minute_idx" ON "key_usage_minutes" USING btree ("minute");--> statement-breakpoint
CREATE INDEX "key_usage_hours_hour_idx" ON "key_usage_hours" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "key_usage_hours_workspace_hour_idx" ON "key_usage_hours" USING btree ("workspace_id","hour");
