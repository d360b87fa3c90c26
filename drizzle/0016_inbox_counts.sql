CREATE TABLE `case_state_counts` (
	`quarantined` integer NOT NULL,
	`state` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`quarantined`, `state`)
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `last_reporter_message_id` integer;--> statement-breakpoint
CREATE INDEX `cases_restricted_only_idx` ON `cases` (`id`) WHERE "cases"."restricted" = 1;--> statement-breakpoint
CREATE INDEX `cases_replied_idx` ON `cases` (`quarantined`,`due_at`,`last_reporter_message_id`) WHERE "cases"."last_reporter_message_id" is not null;--> statement-breakpoint
-- Triggers (not in schema.ts: drizzle does not model them) keep case_state_counts and
-- cases.last_reporter_message_id right for every write path and every instance.
CREATE TRIGGER `cases_count_insert` AFTER INSERT ON `cases` BEGIN
  INSERT INTO `case_state_counts` (`quarantined`, `state`, `count`) VALUES (NEW.`quarantined`, NEW.`state`, 1)
    ON CONFLICT (`quarantined`, `state`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_count_delete` AFTER DELETE ON `cases` BEGIN
  UPDATE `case_state_counts` SET `count` = `count` - 1 WHERE `quarantined` = OLD.`quarantined` AND `state` = OLD.`state`;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_count_update` AFTER UPDATE OF `state`, `quarantined` ON `cases`
  WHEN OLD.`state` IS NOT NEW.`state` OR OLD.`quarantined` IS NOT NEW.`quarantined` BEGIN
  UPDATE `case_state_counts` SET `count` = `count` - 1 WHERE `quarantined` = OLD.`quarantined` AND `state` = OLD.`state`;
  INSERT INTO `case_state_counts` (`quarantined`, `state`, `count`) VALUES (NEW.`quarantined`, NEW.`state`, 1)
    ON CONFLICT (`quarantined`, `state`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
INSERT INTO `case_state_counts` (`quarantined`, `state`, `count`) SELECT `quarantined`, `state`, count(*) FROM `cases` WHERE true GROUP BY `quarantined`, `state`;
--> statement-breakpoint
CREATE TRIGGER `messages_last_reporter` AFTER INSERT ON `messages` WHEN NEW.`author` = 'reporter' BEGIN
  UPDATE `cases` SET `last_reporter_message_id` = NEW.`id`
    WHERE `id` = NEW.`case_id` AND (`last_reporter_message_id` IS NULL OR `last_reporter_message_id` < NEW.`id`);
END;
--> statement-breakpoint
UPDATE `cases` SET `last_reporter_message_id` = (SELECT max(`id`) FROM `messages` WHERE `messages`.`case_id` = `cases`.`id` AND `messages`.`author` = 'reporter')
  WHERE `id` IN (SELECT `case_id` FROM `messages` WHERE `author` = 'reporter');
