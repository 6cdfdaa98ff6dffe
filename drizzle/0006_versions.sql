CREATE TABLE "doc_activity" (
	"doc_name" text PRIMARY KEY NOT NULL,
	"pending_since" timestamp with time zone,
	"last_edit_at" timestamp with time zone NOT NULL,
	"editors" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"doc_name" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"name" text,
	"milestone_id" text,
	"restored_from" text,
	"state" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"hash" text NOT NULL,
	"editors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_by_name" text,
	"created_by_organisation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "doc_versions" ADD CONSTRAINT "doc_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "doc_versions_doc_idx" ON "doc_versions" USING btree ("doc_name","created_at");--> statement-breakpoint
CREATE INDEX "doc_versions_kind_idx" ON "doc_versions" USING btree ("doc_name","kind","created_at");