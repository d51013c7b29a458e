import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { ErrorPage } from "./ErrorPage";

/** A space's error boundary: the French 403/404/500 page. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const data: unknown = error.data;
    const text = data && typeof data === "object" && "error" in data && typeof data.error === "string" ? data.error : undefined;
    return <ErrorPage status={error.status} text={text} />;
  }
  console.error(error);
  return <ErrorPage status={500} />;
}
