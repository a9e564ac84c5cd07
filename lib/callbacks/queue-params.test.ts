import { describe, expect, it } from "vitest";
import { parseQueueParams, queueHref } from "./queue-params";

const LOCATION = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

describe("queue URL parameters", () => {
  it("reads filters, view and page from the URL", () => {
    expect(parseQueueParams({ assignee: "mine", location: LOCATION, view: "waiting", page: "3" })).toEqual({ assignee: "mine", locationId: LOCATION, view: "waiting", page: 3 });
  });

  it("falls back to the whole queue for anything crafted or broken", () => {
    expect(parseQueueParams({ assignee: "everyone", location: "x' or 1=1", view: "done", page: "-4" })).toEqual({ assignee: "all", locationId: null, view: null, page: 1 });
    expect(parseQueueParams({ page: "99999" }).page).toBe(200);
  });

  it("builds links that keep the filters and reset the page", () => {
    const params = parseQueueParams({ assignee: "unassigned", location: LOCATION, page: "2" });
    expect(queueHref(params, { assignee: "mine" })).toBe(`/callbacks?assignee=mine&location=${LOCATION}`);
    expect(queueHref(params, { page: 3 })).toBe(`/callbacks?assignee=unassigned&location=${LOCATION}&page=3`);
    expect(queueHref(params, { assignee: "all", locationId: null })).toBe("/callbacks");
  });
});
