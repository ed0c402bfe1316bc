/** Reading vega's SVG output in tests: mark groups, their elements, and the texts of axis titles and legends. */

/** Contents of every `<g class="mark-<type> role-<role>…">` group (leaf elements up to its `</g>`). */
export function markGroups(svg: string, type: string, role = 'mark'): string[] {
  const out: string[] = [];
  const re = new RegExp(`<g class="mark-${type} role-${role}[^"]*"[^>]*>(.*?)</g>`, 'g');
  for (const m of svg.matchAll(re)) out.push(m[1]);
  return out;
}

/** Decodes the XML entities vega writes in text. */
function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Texts of the text marks with a given role: 'axis-title', 'legend-label', 'legend-title', 'title-text', 'axis-label', 'mark'. */
export function texts(svg: string, role: string): string[] {
  return markGroups(svg, 'text', role).flatMap((g) => [...g.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1])));
}

/** Number of `<path` elements in a string. */
export function countPaths(fragment: string): number {
  return (fragment.match(/<path\b/g) ?? []).length;
}
