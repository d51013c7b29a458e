import { useRouteLoaderData } from "@remix-run/react";

/**
 * The hidden CSRF field every form carries (see app/utils/csrf.server.ts), with the token that
 * the root route's loader (app/root.tsx) returns as `csrf`. Components never import a route.
 */
export function CsrfField() {
  const data = useRouteLoaderData<{ csrf: string }>("root");
  return <input type="hidden" name="csrf" value={data?.csrf ?? ""} />;
}
