CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`last_id` integer NOT NULL,
	`last_hash` text NOT NULL,
	`rows` integer NOT NULL,
	`mac` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_proofs` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`officer_id` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `officers` ADD `session_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `officers` ADD `totp_last_step` integer;