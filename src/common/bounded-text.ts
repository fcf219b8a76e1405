/**
 * The longest text in the `{ nl, en }` pairs the API shows (explanations, summaries, labels): the published document
 * promises this `maxLength` (issue #14). Explanations list the records they rest on — a dossier with thousands of
 * zienswijzen would list them all — so a longer text is cut, saying how much was left out; the records themselves
 * stay readable in full through the evidence and history endpoints.
 */
export const TEXT_MAX = 100_000;

/** `text` as shown: itself when it fits in {@link TEXT_MAX} characters, else cut on a code point with a note. */
export function boundedText(text: string, lang: 'nl' | 'en'): string {
  if (text.length <= TEXT_MAX) return text;
  // Room for the note (" … (1234567890 tekens weggelaten)" is under 64 characters).
  const kept = Array.from(text.slice(0, TEXT_MAX - 64)).slice(0, -1).join('');
  const left = text.length - kept.length;
  return `${kept} … (${left} ${lang === 'nl' ? 'tekens weggelaten' : 'characters left out'})`;
}

/** Both languages of a text pair bounded by {@link boundedText}. */
export function boundedPair(t: { nl: string; en: string }): { nl: string; en: string } {
  return { nl: boundedText(t.nl, 'nl'), en: boundedText(t.en, 'en') };
}
