CREATE TABLE `evidence_migrations` (
	`storage_key` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL
);
