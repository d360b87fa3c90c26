CREATE TABLE `status_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `status_sessions_expiry_idx` ON `status_sessions` (`expires_at`);