-- Seeds the AI model catalog and keeps `catalog_versions` in step with it. Cached dashboard
-- results are keyed by this version, so any change to `ai_models` (from the app, a migration or
-- `wrangler d1 execute`) makes the next request recompute them.
INSERT INTO `catalog_versions` (`name`, `version`) VALUES ('ai_models', 1);
--> statement-breakpoint
INSERT INTO `ai_models` (`id`, `app_id`, `model_id`, `name`, `tier`, `enabled`, `credit_cost`)
VALUES ('video-mixer:ffmpeg-standard', 'video-mixer', 'ffmpeg-standard', 'FFmpeg Standard', 'free', 1, 1);
--> statement-breakpoint
CREATE TRIGGER `ai_models_version_insert` AFTER INSERT ON `ai_models`
BEGIN
  UPDATE `catalog_versions` SET `version` = `version` + 1 WHERE `name` = 'ai_models';
END;
--> statement-breakpoint
CREATE TRIGGER `ai_models_version_update` AFTER UPDATE ON `ai_models`
BEGIN
  UPDATE `catalog_versions` SET `version` = `version` + 1 WHERE `name` = 'ai_models';
END;
--> statement-breakpoint
CREATE TRIGGER `ai_models_version_delete` AFTER DELETE ON `ai_models`
BEGIN
  UPDATE `catalog_versions` SET `version` = `version` + 1 WHERE `name` = 'ai_models';
END;
