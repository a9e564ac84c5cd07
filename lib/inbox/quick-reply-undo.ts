/** How long a deleted quick reply can be restored (Undo) before it is purged for good. */
export const QUICK_REPLY_UNDO_MINUTES = 10;
export const QUICK_REPLY_UNDO_MS = QUICK_REPLY_UNDO_MINUTES * 60 * 1000;
