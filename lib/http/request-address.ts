// The client's address of the request being handled, for server actions and route handlers
// (lib/http/client-address.ts says which X-Forwarded-For entry is trusted and why).
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddress } from "./client-address";

export async function requestAddress(): Promise<string | null> {
  return clientAddress(await headers(), env().trustProxyHops);
}
