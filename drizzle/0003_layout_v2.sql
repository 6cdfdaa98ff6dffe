CREATE TABLE "doc_migrations" (
	"doc_name" text NOT NULL,
	"version" integer NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "doc_migrations_doc_name_version_pk" PRIMARY KEY("doc_name","version")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "field_problems" jsonb DEFAULT '{}'::jsonb NOT NULL;