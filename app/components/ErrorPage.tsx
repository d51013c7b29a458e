import { Link } from "@remix-run/react";

const MESSAGES: Record<number, { title: string; text: string }> = {
  403: {
    title: "Accès refusé",
    text: "Votre compte ne donne pas accès à cette page. Si vous pensez que c’est une erreur, contactez l’administrateur de Vivier.",
  },
  404: { title: "Page introuvable", text: "Cette page n’existe pas, ou vous n’y avez pas accès." },
  500: { title: "Une erreur est survenue", text: "Le service a rencontré un problème. Réessayez dans quelques instants." },
  503: { title: "Service momentanément indisponible", text: "Le portail est très sollicité en ce moment. Réessayez dans quelques instants." },
};

/** `text`: the French explanation a thrown response carried (`{ error }`), instead of the generic one. */
export function ErrorPage({ status, text }: { status: number; text?: string }) {
  const message = MESSAGES[status] ?? MESSAGES[500];
  return (
    <main id="contenu" className="container narrow" tabIndex={-1}>
      <h1>{message.title}</h1>
      <p>{text ?? message.text}</p>
      <p className="muted">Code d’erreur : {status}</p>
      <p><Link to="/">Retour à l’accueil</Link></p>
    </main>
  );
}
