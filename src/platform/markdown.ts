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

/** Safe HTML for user Markdown, ready for raw output in a template. */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  const html = sanitizeHtml(md.render(source), sanitizeOptions);
  return `<div class="prose" data-hx-ignore>${html}</div>`;
}
