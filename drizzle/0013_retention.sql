ALTER TABLE `case_keys` ADD `files_erased_at` integer;--> statement-breakpoint
CREATE INDEX `case_keys_destroyed_idx` ON `case_keys` (`destroyed_at`,`files_erased_at`);