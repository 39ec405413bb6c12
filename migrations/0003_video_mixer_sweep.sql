ALTER TABLE `video_mixer_generations` ADD `requeued_at` integer;--> statement-breakpoint
CREATE INDEX `video_mixer_generations_status_idx` ON `video_mixer_generations` (`status`,`created_at`);