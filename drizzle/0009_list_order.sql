DROP INDEX "projects_updated_idx";--> statement-breakpoint
DROP INDEX "projects_title_idx";--> statement-breakpoint
CREATE INDEX "projects_totals_idx" ON "projects" USING btree ("archived_at","visibility","owner_organisation_id","total_budget","requested_amount");--> statement-breakpoint
CREATE INDEX "projects_updated_idx" ON "projects" USING btree ("updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "projects_title_idx" ON "projects" USING btree ("title","id");