CREATE TABLE `case_keys` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`wrapped_key` text,
	`master_key_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`rewrapped_at` integer,
	`destroyed_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_keys_master_idx` ON `case_keys` (`master_key_id`,`case_id`);--> statement-breakpoint
ALTER TABLE `attachments` ADD `sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `case_events` ADD `sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `identity_requests` ADD `sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `info_requests` ADD `sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `reported_parties` ADD `sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `summons` ADD `sealed` integer DEFAULT false NOT NULL;