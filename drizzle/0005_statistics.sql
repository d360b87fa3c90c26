CREATE TABLE `stats_snapshots` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `wbs_evaluations` (
	`period_key` text NOT NULL,
	`section` text NOT NULL,
	`body` text NOT NULL,
	`officer_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`period_key`, `section`),
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_kind_created_idx` ON `case_events` (`kind`,`created_at`);