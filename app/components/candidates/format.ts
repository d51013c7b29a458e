/** Dates and sizes as a French reader expects them, the same on the server and in the browser. */

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const dayTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

export function formatDay(iso: string | null | undefined): string {
  return iso ? day.format(new Date(iso)) : "";
}

export function formatDayTime(iso: string | null | undefined): string {
  return iso ? dayTime.format(new Date(iso)) : "";
}

/** « Langogne », not « Langogne (Langogne) »: the commune only when the employer's name does not say it. */
export function employerWithCommune(employer: string, commune: string | null | undefined): string {
  if (!commune || employer.toLocaleLowerCase("fr-FR").includes(commune.toLocaleLowerCase("fr-FR"))) return employer;
  return `${employer} (${commune})`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} Mo`;
}
