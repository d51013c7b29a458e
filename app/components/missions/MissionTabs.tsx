import { NavLink } from "@remix-run/react";

/** The pages of one mission, under its title. */
export function MissionTabs({ missionId }: { missionId: string }) {
  const base = `/cabinet/missions/${missionId}`;
  const tabs = [
    { to: base, label: "Liste restreinte", end: true },
    { to: `${base}/cadrage`, label: "Cadrage" },
    { to: `${base}/faisabilite`, label: "Marché" },
    { to: `${base}/messages`, label: "Conversations" },
    { to: `${base}/suggestions`, label: "Profils suggérés" },
    { to: `${base}/finalistes`, label: "Finalistes et suivi" },
  ];
  return (
    <nav className="profile-tabs" aria-label="Pages de la mission">
      <ul>
        {tabs.map((t) => (
          <li key={t.to}><NavLink to={t.to} end={t.end}>{t.label}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}
