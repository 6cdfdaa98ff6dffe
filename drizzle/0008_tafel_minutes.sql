CREATE TABLE "tafel_minutes" (
	"tafel_id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"milestone_id" text NOT NULL,
	"finalised_by" text,
	"finalised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tafel_minutes" ADD CONSTRAINT "tafel_minutes_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_minutes" ADD CONSTRAINT "tafel_minutes_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;