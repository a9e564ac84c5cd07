/** Set (to the organization's id) when an owner hides the checklist from the inbox in this browser. */
export const CHECKLIST_COOKIE = "rebound_checklist_hidden";
