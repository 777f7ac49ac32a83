/**
 * Progressive enhancement only: every page works without this file.
 * Quick exit: the button (and the Escape key) replace the current page and its history entry with a neutral
 * site, so the back button does not lead here.
 */
function quickExit(url: string): void {
  document.body.style.display = 'none';
  window.location.replace(url);
}

const exitLink = document.querySelector<HTMLAnchorElement>('[data-quick-exit]');
if (exitLink) {
  const target = exitLink.dataset.quickExit ?? exitLink.href;
  exitLink.addEventListener('click', (event) => {
    event.preventDefault();
    quickExit(target);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) quickExit(target);
  });
}

// An error summary takes focus so screen-reader users hear what went wrong first.
document.querySelector<HTMLElement>('.error-summary')?.focus();
