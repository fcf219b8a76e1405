/** Dutch formatting of dates and instants for the web pages: one place, so every page says "12 maart 2026". */

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `2026-03-12` → `12 maart 2026`; anything else is returned as it is. */
export function datum(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${Number(m[3])} ${MAANDEN[Number(m[2]) - 1]} ${m[1]}`;
}

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant in Dutch, in Amsterdam time: `12 maart 2026 om 14:05`. */
export function tijdstip(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(PARTS.formatToParts(d).map((x) => [x.type, x.value]));
  return `${datum(`${p.year}-${p.month}-${p.day}`)} om ${p.hour}:${p.minute}`;
}

/** `ja` / `nee` / `—`. */
export function jaNee(v: boolean | null | undefined): string {
  return v === true ? 'ja' : v === false ? 'nee' : '—';
}

/** `1 dag`, `3 dagen`. */
export function dagen(n: number): string {
  return `${n} ${Math.abs(n) === 1 ? 'dag' : 'dagen'}`;
}
