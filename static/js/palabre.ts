// Palabre's small progressive enhancements, bundled by esbuild to dist/static/palabre.js.
// Everything here is optional: every page works without it (no inline handlers, no eval).

/** Moves keyboard and screen-reader focus to an error summary so its errors are read first. */
function focusErrorSummary(root: ParentNode): boolean {
  const summary = root.querySelector<HTMLElement>('#error-summary, .error-summary');
  if (!summary) return false;
  if (!summary.hasAttribute('tabindex')) summary.setAttribute('tabindex', '-1');
  summary.focus();
  summary.scrollIntoView({ block: 'start' });
  return true;
}

/** A link in the error summary focuses its field (the browser would only scroll to it). */
function followSummaryLink(event: MouseEvent): void {
  const target = event.target;
  if (!(target instanceof Element)) return;
  const link = target.closest<HTMLAnchorElement>('.error-summary a[href^="#"]');
  if (!link) return;
  const field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!field) return;
  event.preventDefault();
  field.focus();
  // Show the field's label too, which sits above the field.
  const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`) ?? field;
  label.scrollIntoView({ block: 'start' });
}

function init(): void {
  focusErrorSummary(document);
  document.addEventListener('click', followSummaryLink);
  // htmx 4 swaps 4xx answers (a form re-rendered with 422): bring focus to its errors.
  document.addEventListener('htmx:after:settle', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    if (target.matches('.error-summary')) focusErrorSummary(target.parentElement ?? document);
    else focusErrorSummary(target);
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
