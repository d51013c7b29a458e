import { Links, Meta, Outlet, Scripts } from "@remix-run/react";

/** A bare document: no layout, no session, no styles; Remix's scripts and data, as any Remix page. */
export default function Root() {
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <Scripts />
      </body>
    </html>
  );
}
