/**
 * The /status session cookie: a sealed ticket code, valid for 30 minutes and sent only
 * to /status. Kept apart from actions.ts because a 'use server' file may export only
 * async functions.
 */
export const STATUS_COOKIE = 'wbs_status';
export const STATUS_COOKIE_PURPOSE = 'status';
export const STATUS_COOKIE_PATH = '/status';
export const STATUS_SESSION_SECONDS = 30 * 60;
