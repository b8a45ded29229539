/**
 * Local calendar dates for tracking: the time-zone engine's date functions under the path that
 * tracking and the views have always imported. No arithmetic of its own lives here.
 */
export { localDate, splitAtLocalMidnight, startOfNextLocalDate } from '@/utils/time-zone';
