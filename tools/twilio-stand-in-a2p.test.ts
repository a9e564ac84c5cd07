import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwilioStandIn, type TwilioStandIn } from "./twilio-stand-in";
import { brandSidOf } from "./twilio-stand-in-a2p";

const MG = "MG" + "c".repeat(32);
let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startTwilioStandIn();
});
afterAll(async () => standIn.close());

const get = (path: string, auth = true) =>
  fetch(`${standIn.url}${path}`, { headers: auth ? { Authorization: `Basic ${Buffer.from(`${standIn.accountSid}:${standIn.authToken}`).toString("base64")}` } : {} });

describe("the Twilio stand-in's Messaging v1 A2P answers", () => {
  it("answers a configured service, its pool, its campaign and brand in the spec's shapes; a transition moves one step per fetch", async () => {
    standIn.a2p.set(MG, { numbers: ["+13105550100"], campaign: { status: ["IN_PROGRESS", "VERIFIED"], errors: [] }, brand: { status: "APPROVED" } });
    expect(await (await get(`/v1/Services/${MG}`)).json()).toMatchObject({ sid: MG, us_app_to_person_registered: true });
    expect(await (await get(`/v1/Services/${MG}/PhoneNumbers?PageSize=1000`)).json()).toMatchObject({
      phone_numbers: [{ phone_number: "+13105550100", service_sid: MG }],
      meta: { next_page_url: null, key: "phone_numbers" },
    });
    const first = (await (await get(`/v1/Services/${MG}/Compliance/Usa2p`)).json()) as { compliance: { campaign_status: string; brand_registration_sid: string }[] };
    expect(first.compliance[0]).toMatchObject({ campaign_status: "IN_PROGRESS", brand_registration_sid: brandSidOf(MG) });
    const second = (await (await get(`/v1/Services/${MG}/Compliance/Usa2p`)).json()) as { compliance: { campaign_status: string }[] };
    expect(second.compliance[0]?.campaign_status).toBe("VERIFIED");
    expect(await (await get(`/v1/a2p/BrandRegistrations/${brandSidOf(MG)}`)).json()).toMatchObject({ status: "APPROVED", identity_status: "VERIFIED" });
  });

  it("a service it does not know is a 404 in Twilio's error shape; no credentials is a 401", async () => {
    const unknown = await get(`/v1/Services/MG${"d".repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 20404, status: 404 });
    expect((await get(`/v1/Services/${MG}`, false)).status).toBe(401);
  });

  it("a browser test configures it over HTTP, with the account's credentials", async () => {
    const body = JSON.stringify({ numbers: [], campaign: null });
    const auth = `Basic ${Buffer.from(`${standIn.accountSid}:${standIn.authToken}`).toString("base64")}`;
    expect((await fetch(`${standIn.url}/__stand-in/a2p/Services/${MG}`, { method: "POST", body })).status).toBe(401);
    expect((await fetch(`${standIn.url}/__stand-in/a2p/Services/${MG}`, { method: "POST", body, headers: { Authorization: auth } })).status).toBe(200);
    expect(await (await get(`/v1/Services/${MG}/Compliance/Usa2p`)).json()).toMatchObject({ compliance: [] });
  });
});
