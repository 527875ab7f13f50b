CREATE TABLE "auth_failure_buckets" (
	"ip" text NOT NULL,
	"limits" text NOT NULL,
	"tokens" double precision NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_failure_buckets_ip_limits_pk" PRIMARY KEY("ip","limits")
);
--> statement-breakpoint
CREATE INDEX "auth_failure_buckets_at_idx" ON "auth_failure_buckets" USING btree ("at");