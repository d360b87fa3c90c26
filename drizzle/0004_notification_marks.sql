ALTER TABLE `info_requests` ADD `expiry_notified_at` integer;--> statement-breakpoint
CREATE INDEX `info_requests_due_idx` ON `info_requests` (`status`,`due_at`);--> statement-breakpoint
ALTER TABLE `summons` ADD `reminder_sent_at` integer;