CREATE TABLE `pending_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`storage_key` text NOT NULL,
	`wrapped_key` text NOT NULL,
	`master_key_id` text NOT NULL,
	`file_name_enc` text NOT NULL,
	`mime_type` text NOT NULL,
	`extension` text NOT NULL,
	`original_bytes` integer NOT NULL,
	`size_bytes` integer NOT NULL,
	`metadata_stripped` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`cleanup_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pending_uploads_token_idx` ON `pending_uploads` (`token_hash`);--> statement-breakpoint
CREATE INDEX `pending_uploads_cleanup_idx` ON `pending_uploads` (`cleanup_at`);