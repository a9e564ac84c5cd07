import { describe, expect, it } from "vitest";
import { callLength } from "./call-length";

describe("callLength", () => {
  it("a missed call whose dial leg reported 0 s shows only its voicemail's length (not 'lasted 0:00')", () => {
    expect(callLength({ disposition: "voicemail", durationSeconds: 0, voicemailSeconds: 14 })).toEqual({ call: null, onHold: false, voicemail: 14 });
  });

  it("a call measured from ring to hang-up keeps its length beside the voicemail's", () => {
    expect(callLength({ disposition: "voicemail", durationSeconds: 44, voicemailSeconds: 14 })).toEqual({ call: 44, onHold: false, voicemail: 14 });
  });

  it("a length shorter than the voicemail left in it is not the call's length", () => {
    expect(callLength({ disposition: "voicemail", durationSeconds: 9, voicemailSeconds: 14 })).toMatchObject({ call: null, voicemail: 14 });
  });

  it("a missed call with no length or 0 s says nothing about length", () => {
    expect(callLength({ disposition: "missed", durationSeconds: 0, voicemailSeconds: null })).toEqual({ call: null, onHold: false, voicemail: null });
    expect(callLength({ disposition: "busy", durationSeconds: null, voicemailSeconds: null })).toMatchObject({ call: null });
    expect(callLength({ disposition: "missed", durationSeconds: 25, voicemailSeconds: null })).toMatchObject({ call: 25 });
  });

  it("an answered call keeps its length, even 0 s; a hold abandon's length is its wait", () => {
    expect(callLength({ disposition: "answered", durationSeconds: 0, voicemailSeconds: null })).toMatchObject({ call: 0 });
    expect(callLength({ disposition: "answered", durationSeconds: 192, voicemailSeconds: null })).toMatchObject({ call: 192 });
    expect(callLength({ disposition: "abandoned", durationSeconds: 80, voicemailSeconds: null })).toEqual({ call: 80, onHold: true, voicemail: null });
  });
});
