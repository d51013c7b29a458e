import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { readUnsubscribeLink, unsubscribe } from "~/domain/notifications.server";
import { notFound } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Se désabonner — Vivier" }, { name: "robots", content: "noindex" }];

/**
 * GET, POST /desabonnement/:token — the unsubscribe link of an optional mail, without signing
 * in: the signed token (app/utils/unsubscribe-token.server.ts) is the only credential, so this
 * action reads no CSRF field; a forged or altered token is not found. GET only shows the page
 * (a mail scanner that opens links must not unsubscribe anyone); the page's button, or the mail
 * client's one-click POST (RFC 8058, List-Unsubscribe-Post), unsubscribes.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await readUnsubscribeLink(params.token ?? "");
  if (!link) throw notFound();
  return json({ label: link.label, settingsPath: link.settingsPath });
}

export async function action({ params }: ActionFunctionArgs) {
  if (!(await unsubscribe(params.token ?? ""))) throw notFound();
  return json({ done: true });
}

export default function UnsubscribePage() {
  const { label, settingsPath } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done ?? false;
  const what = label ? `les courriels « ${label} »` : "ce type d’avis";
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="contenu" className="container narrow" tabIndex={-1}>
        <h1>Se désabonner</h1>
        {done ? (
          <p className="alert alert-success" role="status">C’est fait : vous ne recevrez plus {what}.</p>
        ) : (
          <Form method="post">
            <p>Vous ne recevrez plus {what} par courriel. Les courriels de sécurité (invitation, mot de passe) restent envoyés.</p>
            <button type="submit">Ne plus recevoir {what}</button>
          </Form>
        )}
        {settingsPath ? (
          <p>
            Vous préférez un récapitulatif quotidien, ou changer d’avis plus tard ? <Link to={settingsPath}>Vos choix de courriels</Link>{" "}
            (connexion requise).
          </p>
        ) : null}
      </main>
      <SiteFooter />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
