/** French formatting of what positions show: money, dates, ranges. Same output on server and browser. */

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const numbers = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const longDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const dateTime = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

export function formatEuros(n: number): string {
  return euros.format(n);
}

export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** "2030-04-30" or an ISO date-time → "30 avril 2030". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const d = value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? "" : longDate.format(d);
}

export function formatDateTime(value: string): string {
  return dateTime.format(new Date(value));
}

/** "45 000 € à 55 000 € brut par an", "à partir de 45 000 € …", or null. */
export function formatSalaryRange(min: number | null, max: number | null): string | null {
  if (min != null && max != null) return min === max ? `${formatEuros(min)} brut par an` : `${formatEuros(min)} à ${formatEuros(max)} brut par an`;
  if (min != null) return `à partir de ${formatEuros(min)} brut par an`;
  if (max != null) return `jusqu’à ${formatEuros(max)} brut par an`;
  return null;
}

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n > 1 ? many : one}`;
}
