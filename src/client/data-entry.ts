/**
 * Data-collection form: drafts save themselves. While a new record or a draft is being edited, the form is sent in
 * the background every AUTOSAVE_SECONDS after a change, as a draft with the page's CSRF token (the form's own
 * hidden field) and `X-Autosave: 1`, so the server answers with JSON instead of a page. After the first save of a
 * new record the form posts to the record's own address. Without script the "save as draft" button does the same.
 */
const AUTOSAVE_SECONDS = 20;

export function enableAutosave(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
  const status = document.querySelector<HTMLElement>('[data-autosave-status]');
  if (!form || !status || typeof fetch !== 'function') return;
  status.hidden = false;
  let dirty = false;
  let busy = false;
  const changed = () => {
    dirty = true;
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', () => {
    dirty = false; // a real submit takes over
    busy = true;
  });

  const save = async () => {
    if (!dirty || busy) return;
    busy = true;
    dirty = false;
    const body = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') body.append(key, value);
    body.set('_action', 'draft');
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'x-autosave': '1', accept: 'application/json' },
      });
      if (!res.ok) throw new Error(String(res.status));
      const answer = (await res.json()) as { action?: string };
      if (answer.action && new URL(form.action, location.href).pathname !== answer.action) {
        form.action = answer.action;
        history.replaceState(null, '', answer.action);
      }
      const time = new Date().toLocaleTimeString(document.documentElement.lang || undefined, {
        hour: '2-digit',
        minute: '2-digit',
      });
      status.textContent = (status.dataset.savedText ?? '').replace('{time}', time);
    } catch {
      dirty = true;
      status.textContent = status.dataset.failedText ?? '';
    } finally {
      busy = false;
    }
  };
  setInterval(save, AUTOSAVE_SECONDS * 1000);
}
