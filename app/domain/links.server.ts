import { env } from "~/utils/env.server";

/**
 * Absolute links to the portal's pages, for what leaves the portal (mails, structured data for
 * search engines): APP_URL followed by the page's path.
 */
export function portalUrl(path: `/${string}`): string {
  return `${env().APP_URL}${path}`;
}
