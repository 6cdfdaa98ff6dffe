CREATE TABLE "tafel_live" (
	"tafel_id" text PRIMARY KEY NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"started_by" text,
	"agenda_item_id" text,
	"shown_project_id" text,
	"shown_section" text DEFAULT '' NOT NULL,
	"summon_seq" integer DEFAULT 0 NOT NULL,
	"floor_user_id" text,
	"vote_round_id" text,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tafel_live_hands" (
	"tafel_id" text NOT NULL,
	"user_id" text NOT NULL,
	"raised_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tafel_live_hands_tafel_id_user_id_pk" PRIMARY KEY("tafel_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "tafel_live_reactions" (
	"tafel_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tafel_live_reactions_tafel_id_user_id_pk" PRIMARY KEY("tafel_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "tafel_live_timers" (
	"tafel_id" text NOT NULL,
	"agenda_item_id" text NOT NULL,
	"budget_ms" integer NOT NULL,
	"elapsed_ms" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp (3) with time zone,
	"added_minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tafel_live_timers_tafel_id_agenda_item_id_pk" PRIMARY KEY("tafel_id","agenda_item_id")
);
--> statement-breakpoint
CREATE TABLE "tafel_presence" (
	"tafel_id" text NOT NULL,
	"user_id" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tafel_presence_tafel_id_user_id_pk" PRIMARY KEY("tafel_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "tafel_vote_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"tafel_id" text NOT NULL,
	"agenda_item_id" text,
	"dots" integer NOT NULL,
	"stacking" boolean DEFAULT false NOT NULL,
	"options" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"result" jsonb,
	"voters" integer,
	"opened_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revealed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tafel_votes" (
	"round_id" text NOT NULL,
	"user_id" text NOT NULL,
	"project_id" text NOT NULL,
	"dots" integer NOT NULL,
	CONSTRAINT "tafel_votes_round_id_user_id_project_id_pk" PRIMARY KEY("round_id","user_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "tafel_live" ADD CONSTRAINT "tafel_live_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live" ADD CONSTRAINT "tafel_live_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live" ADD CONSTRAINT "tafel_live_agenda_item_id_tafel_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."tafel_agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live" ADD CONSTRAINT "tafel_live_shown_project_id_projects_id_fk" FOREIGN KEY ("shown_project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live" ADD CONSTRAINT "tafel_live_floor_user_id_users_id_fk" FOREIGN KEY ("floor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live_hands" ADD CONSTRAINT "tafel_live_hands_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live_hands" ADD CONSTRAINT "tafel_live_hands_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live_reactions" ADD CONSTRAINT "tafel_live_reactions_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live_reactions" ADD CONSTRAINT "tafel_live_reactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live_timers" ADD CONSTRAINT "tafel_live_timers_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_live_timers" ADD CONSTRAINT "tafel_live_timers_agenda_item_id_tafel_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."tafel_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_presence" ADD CONSTRAINT "tafel_presence_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_presence" ADD CONSTRAINT "tafel_presence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_vote_rounds" ADD CONSTRAINT "tafel_vote_rounds_tafel_id_tafels_id_fk" FOREIGN KEY ("tafel_id") REFERENCES "public"."tafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_vote_rounds" ADD CONSTRAINT "tafel_vote_rounds_agenda_item_id_tafel_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."tafel_agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_vote_rounds" ADD CONSTRAINT "tafel_vote_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_votes" ADD CONSTRAINT "tafel_votes_round_id_tafel_vote_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."tafel_vote_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tafel_votes" ADD CONSTRAINT "tafel_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tafel_live_hands_order_idx" ON "tafel_live_hands" USING btree ("tafel_id","raised_at");--> statement-breakpoint
CREATE INDEX "tafel_vote_rounds_tafel_idx" ON "tafel_vote_rounds" USING btree ("tafel_id","created_at");