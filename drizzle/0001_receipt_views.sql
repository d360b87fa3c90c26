CREATE TABLE `receipt_views` (
	`nonce_hash` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
