/**
 * The address a text carries for a tracked link: this server's APP_URL as configured (scheme
 * included, http on a plain-http server) and the token. The template preview builds its sample
 * link with this same function, so it shows exactly what a caller will receive.
 */
export function trackedLinkUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/b/${token}`;
}
