CREATE TABLE `credit_ledger` (
	`user_id` text NOT NULL,
	`seq` integer NOT NULL,
	`amount` integer NOT NULL,
	`balance_after` integer NOT NULL,
	`kind` text NOT NULL,
	`reference` text,
	`idempotency_key` text NOT NULL,
	`description` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `seq`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_ledger_key_unique` ON `credit_ledger` (`user_id`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`message_id` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dead_letters_message_unique` ON `dead_letters` (`queue`,`message_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`user_agent` text,
	`ip_address` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'user' NOT NULL,
	`tier` text DEFAULT 'free' NOT NULL,
	`tier_expires_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `video_mixer_clips` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`group_id` text,
	`position` integer NOT NULL,
	`file_name` text NOT NULL,
	`object_key` text NOT NULL,
	`container` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`duration_seconds` real NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`rotation` integer DEFAULT 0 NOT NULL,
	`fps` real NOT NULL,
	`video_codec` text NOT NULL,
	`audio_codec` text,
	`has_audio` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `video_mixer_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `video_mixer_groups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `video_mixer_clips_project_idx` ON `video_mixer_clips` (`project_id`,`position`);--> statement-breakpoint
CREATE INDEX `video_mixer_clips_group_idx` ON `video_mixer_clips` (`group_id`);--> statement-breakpoint
CREATE TABLE `video_mixer_generations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`count` integer NOT NULL,
	`price_per_variant` integer NOT NULL,
	`cost` integer NOT NULL,
	`settings` text NOT NULL,
	`error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `video_mixer_projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `video_mixer_generations_project_idx` ON `video_mixer_generations` (`project_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `video_mixer_generations_user_idx` ON `video_mixer_generations` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `video_mixer_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `video_mixer_projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `video_mixer_groups_project_idx` ON `video_mixer_groups` (`project_id`,`position`);--> statement-breakpoint
CREATE TABLE `video_mixer_outputs` (
	`generation_id` text NOT NULL,
	`idx` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`plan` text NOT NULL,
	`duration_seconds` real,
	`object_key` text,
	`thumbnail_key` text,
	`size_bytes` integer,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`generation_id`, `idx`),
	FOREIGN KEY (`generation_id`) REFERENCES `video_mixer_generations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `video_mixer_projects` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `video_mixer_projects_user_idx` ON `video_mixer_projects` (`user_id`,`created_at`,`id`);