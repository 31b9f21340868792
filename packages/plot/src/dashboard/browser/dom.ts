// Small DOM helpers for the dashboard page: element creation without innerHTML, toasts, downloads.

type Attributes = Record<string, string | boolean | ((event: Event) => void) | undefined>;

/** `<tag attrs>children</tag>`; `on*` attributes are listeners, `text` the text content, `false`/undefined skipped. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attributes = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) node.append(child);
  return node;
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

export function options(select: HTMLSelectElement, choices: { value: string; text: string }[], value: string): HTMLSelectElement {
  select.replaceChildren(...choices.map((choice) => el('option', { value: choice.value, text: choice.text })));
  select.value = value;
  return select;
}

/** A message in the corner, gone after 5 s (warnings and failures). */
export function toast(message: string): void {
  const note = el('div', { class: 'toast', role: 'status', text: message });
  byId('toasts').append(note);
  setTimeout(() => note.remove(), 5000);
}

/** Saves a blob (or data URL) under `name` through a temporary link. */
export function download(name: string, data: Blob | string): void {
  const url = typeof data === 'string' ? data : URL.createObjectURL(data);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
