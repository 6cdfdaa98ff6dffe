CREATE TABLE "tafel_action_projects" (
	"action_id" text NOT NULL,
	"project_id" text NOT NULL,
	CONSTRAINT "tafel_action_projects_action_id_project_id_pk" PRIMARY KEY("action_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "tafel_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"tafel_id" text NOT NULL,
	"agenda_item_id" text,
	"text" text NOT NULL,
	"owner_organisation_id" text NOT NULL,
	"owner_user_id" text,
	"due_date" text,
	"status" text DEFAULT 'open' NOT NULL,
	"done_by" text,
	"done_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tafel_agenda_items" (
	"id" text PRIMARY KEY NOT NULL,
	"tafel_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"minutes" integer,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'accepted' NOT NULL,
	"proposed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tafel_agenda_projects" (
	"agenda_item_id" text NOT NULL,
	"project_id" text NOT NULL,
	"link_id" text,
	CONSTRAINT "tafel_agenda_projects_agenda_item_id_project_id_pk" PRIMARY KEY("agenda_item_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "tafel_attendance" (
	"tafel_id" text NOT NULL,
	"user_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"present" boolean DEFAULT true NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tafel_attendance_tafel_id_user_id_pk" PRIMARY KEY("tafel_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "tafel_decision_projects" (
	"decision_id" text NOT NULL,
	"project_id" text NOT NULL,
	CONSTRAINT "tafel_decision_projects_decision_id_project_id_pk" PRIMARY KEY("decision_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "tafel_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"tafel_id" text NOT NULL,
	"agenda_item_id" text,
	"text" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tafel_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"tafel_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"user_id" text,
	"response" text,
	"represented_by" text DEFAULT '' NOT NULL,
	"responded_by" text,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tafels" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 120 NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_link" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme_id" text DEFAULT '' NOT NULL,
	"series" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "thread_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "comment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "tafel_id" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "action_id" text;--> statement-breakpoint
ALTER TABLE "tafel_action_projects" ADD CONSTRAINT "tafel_action_projects_action_id_tafel_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."tafel_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_action_projects" ADD CONSTRAINT "tafel_action_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_actions" ADD CONSTRAINT "tafel_actions_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_actions" ADD CONSTRAINT "tafel_actions_agenda_item_id_tafel_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."tafel_agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_actions" ADD CONSTRAINT "tafel_actions_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_actions" ADD CONSTRAINT "tafel_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_actions" ADD CONSTRAINT "tafel_actions_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_actions" ADD CONSTRAINT "tafel_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_agenda_items" ADD CONSTRAINT "tafel_agenda_items_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_agenda_items" ADD CONSTRAINT "tafel_agenda_items_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_agenda_projects" ADD CONSTRAINT "tafel_agenda_projects_agenda_item_id_tafel_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."tafel_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_agenda_projects" ADD CONSTRAINT "tafel_agenda_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_agenda_projects" ADD CONSTRAINT "tafel_agenda_projects_link_id_project_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."project_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_attendance" ADD CONSTRAINT "tafel_attendance_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_attendance" ADD CONSTRAINT "tafel_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_attendance" ADD CONSTRAINT "tafel_attendance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_attendance" ADD CONSTRAINT "tafel_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_decision_projects" ADD CONSTRAINT "tafel_decision_projects_decision_id_tafel_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."tafel_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_decision_projects" ADD CONSTRAINT "tafel_decision_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_decisions" ADD CONSTRAINT "tafel_decisions_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_decisions" ADD CONSTRAINT "tafel_decisions_agenda_item_id_tafel_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."tafel_agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_decisions" ADD CONSTRAINT "tafel_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_invitations" ADD CONSTRAINT "tafel_invitations_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_invitations" ADD CONSTRAINT "tafel_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_invitations" ADD CONSTRAINT "tafel_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_invitations" ADD CONSTRAINT "tafel_invitations_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafels" ADD CONSTRAINT "tafels_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafels" ADD CONSTRAINT "tafels_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tafel_actions_tafel_idx" ON "tafel_actions" USING btree ("tafel_id","created_at");--> statement-breakpoint
CREATE INDEX "tafel_actions_owner_idx" ON "tafel_actions" USING btree ("owner_organisation_id","status");--> statement-breakpoint
CREATE INDEX "tafel_agenda_items_tafel_idx" ON "tafel_agenda_items" USING btree ("tafel_id","position");--> statement-breakpoint
CREATE INDEX "tafel_agenda_projects_project_idx" ON "tafel_agenda_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "tafel_decisions_tafel_idx" ON "tafel_decisions" USING btree ("tafel_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tafel_invitations_org_idx" ON "tafel_invitations" USING btree ("tafel_id","organisation_id") WHERE "tafel_invitations"."user_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "tafel_invitations_user_idx" ON "tafel_invitations" USING btree ("tafel_id","user_id") WHERE "tafel_invitations"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "tafel_invitations_invitee_idx" ON "tafel_invitations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "tafels_starts_idx" ON "tafels" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "tafels_series_idx" ON "tafels" USING btree ("series","starts_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_action_id_tafel_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."tafel_actions"("id") ON DELETE cascade ON UPDATE no action;