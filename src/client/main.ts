/**
 * Progressive enhancement only: every page works without this file.
 * Quick exit: the button (and the Escape key) replace the current page and its history entry with a neutral
 * site, so the back button does not lead here.
 */
import { enableAutosave } from './data-entry.ts';

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

// "My location": the browser's position goes only to our own server, as two numbers in the search form.
const locate = document.querySelector<HTMLButtonElement>('[data-geolocate]');
if (locate && 'geolocation' in navigator) {
  locate.hidden = false;
  locate.addEventListener('click', () => {
    const form = locate.form;
    if (!form) return;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const set = (name: string, value: string) => {
          const field = form.elements.namedItem(name);
          if (field instanceof HTMLInputElement) field.value = value;
        };
        set('lat', position.coords.latitude.toFixed(4));
        set('lon', position.coords.longitude.toFixed(4));
        set('ort', '');
        form.submit();
      },
      () => {
        locate.disabled = true;
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 },
    );
  });
}

// Place names suggest themselves while typing (the list comes from our server; without script, exact names work).
const where = document.querySelector<HTMLInputElement>('#f-ort');
const suggestions = document.querySelector<HTMLDataListElement>('#place-suggestions');
if (where && suggestions) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  where.addEventListener('input', () => {
    clearTimeout(timer);
    const value = where.value.trim();
    if (value.length < 2 || /^\d+$/.test(value)) return;
    timer = setTimeout(async () => {
      const response = await fetch(`/api/v1/directory/places?q=${encodeURIComponent(value)}`);
      if (!response.ok) return;
      const data = (await response.json()) as { places: Array<{ place: string }> };
      suggestions.replaceChildren(
        ...data.places.map((p) => {
          const option = document.createElement('option');
          option.value = p.place;
          return option;
        }),
      );
    }, 150);
  });
}

// Data-collection form: a field with a condition shows only while the condition holds (disabled while hidden, so it
// is not sent). Without script every field shows; the server checks the conditions either way.
const conditional = document.querySelectorAll<HTMLElement>('[data-condition]');
const conditionalForm = conditional[0]?.closest('form');
if (conditionalForm && !conditionalForm.dataset.readonly) {
  const form = conditionalForm;
  const update = () => {
    for (const field of conditional) {
      let condition: { variable: string; any_of: string[] };
      try {
        condition = JSON.parse(field.dataset.condition ?? '');
      } catch {
        continue;
      }
      const chosen: string[] = [];
      for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        `[name="${CSS.escape(condition.variable)}"]`,
      )) {
        if (input instanceof HTMLSelectElement) {
          for (const option of input.selectedOptions) chosen.push(option.value);
        } else if ((input.type !== 'checkbox' && input.type !== 'radio') || input.checked)
          chosen.push(input.value);
      }
      const show = chosen.some((v) => condition.any_of.includes(v));
      field.hidden = !show;
      for (const control of field.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
        control.disabled = !show;
      }
    }
  };
  form.addEventListener('change', update);
  update();
}

// "Copy citation": the button appears only where the clipboard can be written; the text stays selectable.
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  const source = document.getElementById(button.dataset.copy ?? '');
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    void navigator.clipboard.writeText(source.textContent ?? '').then(() => {
      button.setAttribute('aria-pressed', 'true');
    });
  });
}
enableAutosave();
