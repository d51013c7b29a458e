/** Numbers and dates of the talent pages, as a French reader expects them. */

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat("fr-FR");
const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const dayTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

export const formatEuros = (n: number) => euros.format(n);
export const formatInt = (n: number) => integer.format(n);
export const formatDay = (ms: number | string) => day.format(new Date(ms));
export const formatDayTime = (ms: number | string) => dayTime.format(new Date(ms));

/** "1 profil", "3 profils" (and any other noun with an s). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n > 1 ? many : one}`;
}
