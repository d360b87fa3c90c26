ALTER TABLE `cases` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `due_kind` text;--> statement-breakpoint
CREATE INDEX `cases_inbox_due_idx` ON `cases` (`quarantined`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_state_due_idx` ON `cases` (`state`,`due_at`,`id`);