import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { createInvitation, registerCabinet, registerCollectivite } from "~/domain/accounts.server";
import { listOrganizationsForAdmin } from "~/domain/organizations.server";
import { searchOfficialOrganizations } from "~/reference/territory.server";
import { cabinetSchema, collectiviteSchema, fieldErrors, invitationSchema } from "~/schemas/auth";
import { readSince } from "~/schemas/since";
import { FilterNote } from "~/components/HomeLists";
import { formatDayTime } from "~/components/candidates/format";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Organisations et invitations — Administration Vivier" }];

const TYPE_LABEL: Record<string, string> = { COMMUNE: "Commune", EPCI: "Intercommunalité", DEPARTEMENT: "Département", REGION: "Région" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const search = new URL(request.url).searchParams;
  const q = search.get("q") ?? "";
  // The home's links: the organisations registered since the last visit, of one kind, or with an invitation pending.
  const since = readSince(search);
  const kindParam = search.get("type");
  const kind = kindParam === "COLLECTIVITE" || kindParam === "CABINET" ? kindParam : null;
  const invited = search.get("invitations") === "en-attente";
  return json({
    organizations: await listOrganizationsForAdmin({ since, kind, invited }),
    matches: q ? searchOfficialOrganizations(q, 15) : [],
    filters: { since: since?.toISOString() ?? null, kind, invited },
  });
}

type ActionData = { intent: string; ok?: string; error?: string; fieldErrors?: Record<string, string>; link?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "admin");
  const form = await readForm(request);
  const intent = String(form.get("intent"));
  const values = Object.fromEntries(form);
  if (intent === "collectivite") {
    const parsed = collectiviteSchema.safeParse(values);
    const org = parsed.success ? await registerCollectivite(parsed.data.officialKey) : null;
    if (!org) return json<ActionData>({ intent, error: "Cette collectivité n’est pas dans la liste officielle." }, { status: 400 });
    return json<ActionData>({ intent, ok: `${org.name} est inscrite. Invitez maintenant son ou sa DGS.` });
  }
  if (intent === "cabinet") {
    const parsed = cabinetSchema.safeParse(values);
    if (!parsed.success) return json<ActionData>({ intent, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
    const org = await registerCabinet(parsed.data);
    return json<ActionData>({ intent, ok: `Le cabinet ${org.name} est inscrit. Invitez maintenant son ou sa responsable.` });
  }
  if (intent === "invite") {
    const parsed = invitationSchema.safeParse(values);
    if (!parsed.success) return json<ActionData>({ intent, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
    const result = await createInvitation(user, parsed.data);
    if (!result.ok) return json<ActionData>({ intent, error: result.error }, { status: 400 });
    return json<ActionData>({ intent, ok: `Invitation envoyée à ${parsed.data.email}.` });
  }
  return json<ActionData>({ intent, error: "Action inconnue." }, { status: 400 });
}

export default function AdminOrganizations() {
  const { organizations, matches, filters } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = data?.fieldErrors ?? {};
  return (
    <>
      <h1>Organisations et invitations</h1>
      {data?.ok ? <FormAlert tone="success">{data.ok}</FormAlert> : null}
      {data?.error ? <FormAlert>{data.error}</FormAlert> : null}

      <section aria-labelledby="inscrire">
        <h2 id="inscrire">Inscrire une collectivité</h2>
        <p className="muted">Les collectivités viennent de la liste officielle (communes, intercommunalités, départements, régions) : rien n’est saisi à la main.</p>
        <Form method="get" className="actions" role="search">
          <Field label="Nom de la collectivité" name="q" defaultValue={params.get("q") ?? ""} />
          <button type="submit" className="button-secondary">Chercher</button>
        </Form>
        {params.get("q") && matches.length === 0 ? <p>Aucune collectivité ne correspond.</p> : null}
        {matches.length > 0 ? (
          <div className="table-scroll"><table>
            <caption className="visually-hidden">Collectivités de la liste officielle</caption>
            <thead><tr><th scope="col">Nom</th><th scope="col">Type</th><th scope="col">Département</th><th scope="col">Population</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
            <tbody>
              {matches.map((m) => (
                <tr key={m.officialKey}>
                  <td>{m.name}</td><td>{TYPE_LABEL[m.type]}</td><td>{m.departementCode}</td><td>{m.population?.toLocaleString("fr-FR")}</td>
                  <td>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="collectivite" />
                      <input type="hidden" name="officialKey" value={m.officialKey} />
                      <button type="submit" aria-label={`Inscrire ${m.name}`}>Inscrire</button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table></div>
        ) : null}
      </section>

      <section aria-labelledby="cabinet">
        <h2 id="cabinet">Inscrire un cabinet</h2>
        <Form method="post" noValidate className="grid-2">
          <CsrfField />
          <input type="hidden" name="intent" value="cabinet" />
          <Field label="Nom du cabinet" name="name" required error={data?.intent === "cabinet" ? errors.name : undefined} />
          <Field label="SIREN" name="siren" inputMode="numeric" required error={data?.intent === "cabinet" ? errors.siren : undefined} />
          <div className="actions"><button type="submit">Inscrire le cabinet</button></div>
        </Form>
      </section>

      <section aria-labelledby="orgs">
        <h2 id="orgs">Organisations inscrites</h2>
        <p className="muted">Invitez le ou la DGS d’une collectivité, ou le ou la responsable d’un cabinet (qui invitera ensuite ses consultants).</p>
        {filters.since || filters.kind || filters.invited ? (
          <FilterNote all="/admin/organisations" allLabel="Voir toutes les organisations">
            {filters.invited ? "Celles qui ont une invitation en attente" : filters.kind === "CABINET" ? "Les cabinets" : filters.kind === "COLLECTIVITE" ? "Les collectivités" : `Inscrites depuis le ${formatDayTime(filters.since)}`}
          </FilterNote>
        ) : null}
        {organizations.length === 0 ? <p>{filters.since || filters.kind || filters.invited ? "Aucune organisation ne correspond." : "Aucune organisation inscrite."}</p> : (
          <div className="table-scroll"><table>
            <caption className="visually-hidden">Organisations inscrites</caption>
            <thead><tr><th scope="col">Organisation</th><th scope="col">Comptes</th><th scope="col">Invitations en attente</th><th scope="col">Inviter</th></tr></thead>
            <tbody>
              {organizations.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}<br /><span className="muted">{o.kind === "CABINET" ? "Cabinet" : TYPE_LABEL[o.collectiviteType ?? ""]}</span></td>
                  <td>{o._count.users}</td>
                  <td>{o.invitations.map((i) => i.email).join(", ") || "—"}</td>
                  <td>
                    <Form method="post" noValidate>
                      <CsrfField />
                      <input type="hidden" name="intent" value="invite" />
                      <input type="hidden" name="organizationId" value={o.id} />
                      <Field label="Nom" name="name" id={`name-${o.id}`} />
                      <Field label="E-mail" name="email" type="email" id={`email-${o.id}`} />
                      <button type="submit" className="button-secondary">Inviter</button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
        {data?.intent === "invite" && Object.keys(errors).length ? <FormAlert>{Object.values(errors).join(" ")}</FormAlert> : null}
      </section>
    </>
  );
}
