// The stand-in's Calls list (twilio-stand-in-calls.ts) as the real twilio-node 6 client reads it:
// the child legs a test set for a parent call, scripted failures, and Twilio's auth check.
import twilio from "twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTwilioStandIn, type TwilioStandIn } from "./twilio-stand-in";

const PARENT = "CA35c037c9b8bb40c5002e2fe8cbbeecd9";

/** twilio 6 has no base-URL option: swap the origin of every request for the stand-in's. */
class StandInClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super();
  }
  override request<TData>(opts: import("twilio/lib/base/RequestClient").RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    return super.request({ ...opts, uri: this.base + uri.pathname + uri.search });
  }
}

describe("twilio stand-in: the child legs of a call", () => {
  let standIn: TwilioStandIn;
  const client = (authToken = standIn.authToken) => twilio(standIn.accountSid, authToken, { httpClient: new StandInClient(standIn.url) });

  beforeAll(async () => {
    standIn = await startTwilioStandIn();
  });
  beforeEach(() => standIn.reset());
  afterAll(() => standIn.close());

  it("lists the legs set for the parent, in Twilio's Call shape (duration a string of seconds)", async () => {
    standIn.calls.setChildCalls(PARENT, [
      { status: "completed", duration: 5, to: "+13105550142" },
      { status: "no-answer", duration: 0 },
    ]);
    const legs = await client().calls.list({ parentCallSid: PARENT, limit: 50 });
    expect(legs.map((c) => [c.parentCallSid, c.status, c.duration, c.direction])).toEqual([
      [PARENT, "completed", "5", "outbound-dial"],
      [PARENT, "no-answer", "0", "outbound-dial"],
    ]);
    expect(legs[0]?.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(legs[0]?.to).toBe("+13105550142");
    expect(legs[0]?.startTime).toBeInstanceOf(Date);
    expect(standIn.calls.listed).toEqual([PARENT]);
  });

  it("a parent with no legs set lists none", async () => {
    expect(await client().calls.list({ parentCallSid: PARENT })).toEqual([]);
  });

  it("scripted failures answer in Twilio's error shape, then the list answers again", async () => {
    standIn.calls.failNextCallLists([{ status: 500 }]);
    const error: unknown = await client()
      .calls.list({ parentCallSid: PARENT })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 500, code: 20500 });
    expect(await client().calls.list({ parentCallSid: PARENT })).toEqual([]);
  });

  it("refuses a wrong auth token", async () => {
    const error: unknown = await client("wrong")
      .calls.list({ parentCallSid: PARENT })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
  });
});
