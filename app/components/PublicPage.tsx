import { useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { PublicHeader, SiteFooter } from "./SpaceLayout";

/** A page of text anyone may read (the footer's pages): the public header, the text, the footer. */
export function PublicPage({ children }: { children: ReactNode }) {
  // The root loader says whether someone is signed in (« Mon espace » rather than « Se connecter »).
  const root = useRouteLoaderData("root") as { user: unknown } | undefined;
  return (
    <>
      <PublicHeader signedIn={!!root?.user} />
      <main id="contenu" className="container prose" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
