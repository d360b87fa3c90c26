DROP INDEX `cases_category_idx`;--> statement-breakpoint
CREATE INDEX `cases_category_due_idx` ON `cases` (`category_id`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_quarantine_state_idx` ON `cases` (`quarantined`,`state`);