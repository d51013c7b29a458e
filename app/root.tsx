import "./utils/zod-browser";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import styles from "./styles/app.css";
import { getCsrfToken } from "./utils/csrf.server";
import { useNonce } from "./utils/nonce";
import { getSessionUser } from "./utils/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Vivier — recrutement des collectivités territoriales" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, csrf] = await Promise.all([getSessionUser(request), getCsrfToken(request)]);
  return json(
    {
      csrf: csrf.token,
      user: user && {
        name: user.name,
        role: user.role,
        organization: user.organization && { name: user.organization.name, kind: user.organization.kind },
      },
    },
    { headers: csrf.setCookie ? { "Set-Cookie": csrf.setCookie } : {} },
  );
}

export type RootData = ReturnType<typeof useRootData>;
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#contenu">Aller au contenu</a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export { ErrorBoundary } from "./components/RouteErrorBoundary";
