CREATE TABLE "webhook_key_alerts" (
	"key_id" text NOT NULL,
	"type" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_key_alerts_key_id_type_pk" PRIMARY KEY("key_id","type")
);
--> statement-breakpoint
ALTER TABLE "webhook_key_alerts" ADD CONSTRAINT "webhook_key_alerts_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;
