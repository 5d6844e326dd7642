// Buyer-facing pages are never kept live in the back/forward cache: a finished checkout must not come back as
// still open, so a page restored from it loads again.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) location.reload();
});
