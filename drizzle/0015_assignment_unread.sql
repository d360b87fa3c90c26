CREATE TABLE `case_assignments` (
	`case_id` integer NOT NULL,
	`officer_id` integer NOT NULL,
	`assigned_by` integer,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `officer_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_assignments_officer_idx` ON `case_assignments` (`officer_id`,`case_id`);--> statement-breakpoint
CREATE TABLE `case_reads` (
	`case_id` integer NOT NULL,
	`officer_id` integer NOT NULL,
	`last_seen_message_id` integer DEFAULT 0 NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `officer_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_recusals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`officer_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`sealed` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_recusals_case_officer_idx` ON `case_recusals` (`case_id`,`officer_id`);--> statement-breakpoint
CREATE INDEX `case_recusals_officer_idx` ON `case_recusals` (`officer_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `restricted` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `cases_restricted_idx` ON `cases` (`restricted`);