// GET /texting/samples?location=<id>: the location's registration sample messages as a plain-text
// download (owners: the templates are theirs), written from its real templates.
import { requireMember } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { orgSamplePacks, samplesDownload } from "@/lib/telephony/a2p/org-samples";

export async function GET(request: Request): Promise<Response> {
  try {
    const member = await requireMember(["owner"]);
    return samplesDownload(await orgSamplePacks(member.orgId), new URL(request.url).searchParams.get("location"));
  } catch (error) {
    return errorResponse(error, "texting samples");
  }
}
