// The TwiML Rebound answers Twilio with, read back as a tree: element order, attribute values and
// text as Twilio's parser would see them, and proof that the XML is well formed.
import { describe, expect, it } from "vitest";
import { emptyMessagingTwiml, emptyVoiceTwiml, forwardCallTwiml, goodbyeTwiml, holdQueueTwiml, TWIML_HEADERS, UnsafeForwardingNumberError, voicemailTwiml } from "./twiml";

type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(raw)) throw new Error(`Unescaped & in ${JSON.stringify(raw)}`);
  if (raw.includes("<")) throw new Error(`Unescaped < in ${JSON.stringify(raw)}`);
  return raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_m, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`Unknown entity &${entity};`);
    return value;
  });
}

/** A strict little XML reader, enough for TwiML: elements, double-quoted attributes, text. */
function parseXml(xml: string): XmlElement {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>/;
  if (!declaration.test(xml)) throw new Error("Missing XML declaration");
  let pos = xml.match(declaration)?.[0].length ?? 0;
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const top = (): XmlElement => {
    const element = stack[stack.length - 1];
    if (!element) throw new Error("Unbalanced XML");
    return element;
  };
  while (pos < xml.length) {
    if (xml.startsWith("</", pos)) {
      const close = /^<\/([A-Za-z][\w.-]*)>/.exec(xml.slice(pos));
      if (!close) throw new Error(`Bad closing tag at ${pos}`);
      const open = stack.pop();
      if (!open || open.name !== close[1]) throw new Error(`</${close[1]}> closes <${open?.name}>`);
      pos += close[0].length;
    } else if (xml.startsWith("<", pos)) {
      const tag = /^<([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"]*")*)\s*(\/?)>/.exec(xml.slice(pos));
      if (!tag || tag[1] === undefined) throw new Error(`Bad tag at ${pos}: ${xml.slice(pos, pos + 40)}`);
      const attributes: Record<string, string> = {};
      for (const attr of (tag[2] ?? "").matchAll(/([A-Za-z][\w.-]*)="([^"]*)"/g)) {
        const [, key, value] = attr;
        if (key === undefined || value === undefined) continue;
        if (key in attributes) throw new Error(`Duplicate attribute ${key}`);
        attributes[key] = decode(value);
      }
      const element: XmlElement = { name: tag[1], attributes, children: [], text: "" };
      top().children.push(element);
      if (tag[3] !== "/") stack.push(element);
      pos += tag[0].length;
    } else {
      const end = xml.indexOf("<", pos);
      const raw = xml.slice(pos, end === -1 ? xml.length : end);
      top().text += decode(raw);
      pos += raw.length;
    }
  }
  if (stack.length !== 1) throw new Error(`Unclosed <${top().name}>`);
  const [response, ...rest] = root.children;
  if (!response || rest.length > 0 || root.text.trim()) throw new Error("Expected exactly one root element");
  return response;
}

const names = (element: XmlElement) => element.children.map((child) => child.name);
function only(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((child) => child.name === name);
  expect(found).toHaveLength(1);
  return found[0] as XmlElement;
}

const DIAL_URL = "https://rebound.example.com/api/webhooks/twilio/dial";
const VOICEMAIL_URL = "https://rebound.example.com/api/webhooks/twilio/voicemail";
const TRANSCRIPTION_URL = "https://rebound.example.com/api/webhooks/twilio/transcription";
const QUEUE_URL = "https://rebound.example.com/api/webhooks/twilio/queue";

describe("parseXml (the test's own reader)", () => {
  it("refuses XML with an unescaped & or <, so the assertions below prove well-formedness", () => {
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?><Response><Say>A & B</Say></Response>')).toThrow(/Unescaped &/);
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?><Response><Say>a</Response>')).toThrow();
  });
});

describe("forwardCallTwiml", () => {
  const xml = forwardCallTwiml({ forwardingNumber: "+13105550100", ringTimeoutSeconds: 20, actionUrl: DIAL_URL });

  it("rings the spa's line for 20 seconds, then posts the result to the dial action", () => {
    const response = parseXml(xml);
    expect(response.name).toBe("Response");
    expect(names(response)).toEqual(["Dial"]);
    const dial = only(response, "Dial");
    expect(dial.attributes.action).toBe(DIAL_URL);
    expect(dial.attributes.method).toBe("POST");
    expect(dial.attributes.timeout).toBe("20");
    expect(dial.attributes.answerOnBridge).toBe("true");
    expect(names(dial)).toEqual(["Number"]);
    expect(only(dial, "Number").text).toBe("+13105550100");
  });

  it("uses the location's own ring timeout", () => {
    const dial = only(parseXml(forwardCallTwiml({ forwardingNumber: "+13105550100", ringTimeoutSeconds: 35, actionUrl: DIAL_URL })), "Dial");
    expect(dial.attributes.timeout).toBe("35");
  });

  it("escapes an action URL with a query string, which Twilio reads back unchanged", () => {
    const actionUrl = `${DIAL_URL}?location=downtown&attempt=1`;
    const out = forwardCallTwiml({ forwardingNumber: "+13105550100", ringTimeoutSeconds: 20, actionUrl });
    expect(out).toContain("location=downtown&amp;attempt=1");
    expect(only(parseXml(out), "Dial").attributes.action).toBe(actionUrl);
  });

  it.each(["+19005551234", "+13109761234", "+15005551234", "+18092345678", "+18762345678", "+881612345678"])(
    "never builds a <Dial> to %s (premium rate, personal, Caribbean or satellite), even if it was stored",
    (forwardingNumber) => {
      expect(() => forwardCallTwiml({ forwardingNumber, ringTimeoutSeconds: 20, actionUrl: DIAL_URL })).toThrow(UnsafeForwardingNumberError);
    },
  );

  it("dials a toll-free line, and a number in a country the organization enabled", () => {
    expect(only(parseXml(forwardCallTwiml({ forwardingNumber: "+18002345678", ringTimeoutSeconds: 20, actionUrl: DIAL_URL })), "Dial")).toBeDefined();
    const mexico = forwardCallTwiml({ forwardingNumber: "+525512345678", ringTimeoutSeconds: 20, actionUrl: DIAL_URL, enabledCountries: ["US", "CA", "MX"] });
    expect(only(only(parseXml(mexico), "Dial"), "Number").text).toBe("+525512345678");
  });
});

describe("voicemailTwiml", () => {
  it("apologises in the spa's name, then records a voicemail with both callbacks, then hangs up", () => {
    const response = parseXml(voicemailTwiml({ spaName: "Glow Med Spa", recordingUrl: VOICEMAIL_URL }));
    expect(names(response)).toEqual(["Say", "Record", "Hangup"]);
    const say = only(response, "Say").text;
    expect(say).toMatch(/^Sorry we missed your call at Glow Med Spa\./);
    expect(say).toContain("texting you");
    const record = only(response, "Record");
    expect(record.attributes).toMatchObject({
      action: VOICEMAIL_URL,
      method: "POST",
      recordingStatusCallback: VOICEMAIL_URL,
      recordingStatusCallbackMethod: "POST",
      maxLength: "120",
      playBeep: "true",
      trim: "trim-silence",
    });
    expect(Number(record.attributes.maxLength)).toBeGreaterThan(0);
  });

  it("escapes a spa name with & and < so the TwiML stays valid and Twilio says the name as written", () => {
    const spaName = `Skin & Tonic <Spa> "Beverly's"`;
    const xml = voicemailTwiml({ spaName, recordingUrl: VOICEMAIL_URL });
    expect(xml).toContain("Skin &amp; Tonic &lt;Spa&gt;");
    expect(xml).not.toContain("<Spa>");
    const response = parseXml(xml);
    expect(names(response)).toEqual(["Say", "Record", "Hangup"]);
    expect(only(response, "Say").text).toContain(`at ${spaName}.`);
  });
});

describe("voicemailTwiml with transcription", () => {
  it("asks Twilio to transcribe the voicemail and post the text to the transcription webhook", () => {
    const response = parseXml(voicemailTwiml({ spaName: "Glow Med Spa", recordingUrl: VOICEMAIL_URL, transcriptionUrl: TRANSCRIPTION_URL }));
    expect(names(response)).toEqual(["Say", "Record", "Hangup"]);
    expect(only(response, "Record").attributes).toMatchObject({
      action: VOICEMAIL_URL,
      recordingStatusCallback: VOICEMAIL_URL,
      transcribe: "true",
      transcribeCallback: TRANSCRIPTION_URL,
    });
  });

  it("keeps the recording within Twilio's two-minute transcription limit", () => {
    const record = only(parseXml(voicemailTwiml({ spaName: "Glow Med Spa", recordingUrl: VOICEMAIL_URL, transcriptionUrl: TRANSCRIPTION_URL })), "Record");
    expect(Number(record.attributes.maxLength)).toBeLessThanOrEqual(120);
  });

  it("does not transcribe (a paid Twilio feature) when no transcription URL is given", () => {
    const record = only(parseXml(voicemailTwiml({ spaName: "Glow Med Spa", recordingUrl: VOICEMAIL_URL })), "Record");
    expect(record.attributes.transcribe).toBeUndefined();
    expect(record.attributes.transcribeCallback).toBeUndefined();
  });
});

describe("holdQueueTwiml", () => {
  it("puts the caller in the named queue and reports the way they leave it to the queue webhook", () => {
    const response = parseXml(holdQueueTwiml({ queueName: "front-desk", actionUrl: QUEUE_URL }));
    expect(names(response)).toEqual(["Enqueue"]);
    const enqueue = only(response, "Enqueue");
    expect(enqueue.attributes).toEqual({ action: QUEUE_URL, method: "POST" });
    expect(enqueue.text).toBe("front-desk");
  });

  it("plays the spa's own hold music when given a wait URL", () => {
    const waitUrl = "https://glowmedspa.example/hold-music.xml";
    const enqueue = only(parseXml(holdQueueTwiml({ queueName: "front-desk", actionUrl: QUEUE_URL, waitUrl })), "Enqueue");
    expect(enqueue.attributes).toEqual({ action: QUEUE_URL, method: "POST", waitUrl });
  });

  it("escapes a queue name and an action URL with & so Twilio reads them back unchanged", () => {
    const actionUrl = `${QUEUE_URL}?location=downtown&queue=1`;
    const xml = holdQueueTwiml({ queueName: "Skin & Tonic <front>", actionUrl });
    expect(xml).toContain("location=downtown&amp;queue=1");
    const enqueue = only(parseXml(xml), "Enqueue");
    expect(enqueue.attributes.action).toBe(actionUrl);
    expect(enqueue.text).toBe("Skin & Tonic <front>");
  });

  it("accepts a 64-character queue name and refuses a longer or empty one, as Twilio would", () => {
    expect(only(parseXml(holdQueueTwiml({ queueName: "q".repeat(64), actionUrl: QUEUE_URL })), "Enqueue").text).toHaveLength(64);
    expect(() => holdQueueTwiml({ queueName: "q".repeat(65), actionUrl: QUEUE_URL })).toThrow(/1 to 64 characters/);
    expect(() => holdQueueTwiml({ queueName: "  ", actionUrl: QUEUE_URL })).toThrow(/1 to 64 characters/);
  });
});

describe("goodbyeTwiml", () => {
  it("says the message, then hangs up", () => {
    const response = parseXml(goodbyeTwiml("Sorry, this number is not in service."));
    expect(names(response)).toEqual(["Say", "Hangup"]);
    expect(only(response, "Say").text).toBe("Sorry, this number is not in service.");
  });

  it("just hangs up without a message", () => {
    expect(names(parseXml(goodbyeTwiml()))).toEqual(["Hangup"]);
    expect(names(parseXml(goodbyeTwiml("")))).toEqual(["Hangup"]);
  });
});

describe("empty responses", () => {
  it("voice: an empty <Response/>, so an answered call simply ends", () => {
    const response = parseXml(emptyVoiceTwiml());
    expect(response.name).toBe("Response");
    expect(response.children).toEqual([]);
    expect(response.text).toBe("");
  });

  it("messaging: an empty <Response/>, so Twilio sends no automatic SMS reply", () => {
    const response = parseXml(emptyMessagingTwiml());
    expect(response.name).toBe("Response");
    expect(response.children).toEqual([]);
    expect(response.text).toBe("");
  });

  it("is served as UTF-8 XML", () => {
    expect(TWIML_HEADERS["Content-Type"]).toBe("text/xml; charset=utf-8");
  });
});
