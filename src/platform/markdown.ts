// User rich text: Markdown rendered on the server with raw HTML off, then sanitised (links
// limited to http, https and mailto; no attributes htmx would act on), wrapped in `data-hx-ignore`.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2', 'h3', 'h4', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Headings in user text start at h2: the page owns h1. Links leave with rel=nofollow.
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }),
  },
};
sanitizeOptions.allowedAttributes = { ...sanitizeOptions.allowedAttributes, a: ['href', 'title', 'rel'] };

// The same texts are shown again and again (a section's text on every visit): rendering and
// sanitising cost a fraction of a millisecond each, so results are kept, the oldest dropped
// first, up to a total size. The output depends on the source alone.
const CACHE_MAX_CHARS = 4_000_000;
const cache = new Map<string, string>();
let cachedChars = 0;

/** Safe HTML for user Markdown, ready for raw output in a template. */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const html = `<div class="prose" data-hx-ignore>${sanitizeHtml(md.render(source), sanitizeOptions)}</div>`;
  const size = source.length + html.length;
  if (size > CACHE_MAX_CHARS / 10) return html;
  for (const [key, value] of cache) {
    if (cachedChars + size <= CACHE_MAX_CHARS) break;
    cache.delete(key);
    cachedChars -= key.length + value.length;
  }
  cache.set(source, html);
  cachedChars += size;
  return html;
}
