import { h } from './dom.js';

/** How an option shows: its main text, a line under it, and a small tag before it. */
export interface OptionView {
  primary: string;
  secondary?: string;
  tag?: string;
  lang?: string;
}

export interface ComboboxOptions<T> {
  id: string;
  label: string;
  placeholder?: string;
  hint?: string;
  /** Answers for the text typed; aborted when the user types on. */
  fetch(text: string, signal: AbortSignal): Promise<T[]>;
  view(item: T): OptionView;
  onSelect(item: T): void;
  /** What the live region says once answers arrive. */
  announce(items: readonly T[], text: string): string;
  searching: string;
  minLength?: number;
  debounceMs?: number;
}

export interface Combobox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  clear(): void;
}

/**
 * A text box with a list of answers that follow the typing (the ARIA 1.2 combobox pattern): the
 * arrows move through the answers, Enter takes one, Escape closes the list and then clears the
 * box; the number of answers is read out through a live region.
 */
export function combobox<T>(options: ComboboxOptions<T>): Combobox {
  const minLength = options.minLength ?? 2;
  const debounceMs = options.debounceMs ?? 200;
  const listboxId = `${options.id}-listbox`;
  const hintId = `${options.id}-hint`;

  const input = h('input', {
    id: options.id,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listboxId,
    'aria-describedby': options.hint ? hintId : undefined,
    placeholder: options.placeholder,
  });
  const listbox = h('ul', { id: listboxId, role: 'listbox', 'aria-label': options.label, class: 'combobox-listbox' });
  const empty = h('p', { class: 'combobox-empty', 'aria-hidden': 'true' });
  const popup = h('div', { class: 'combobox-popup', hidden: true }, listbox, empty);
  const status = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'data-role': 'status' });
  const element = h(
    'div',
    { class: 'combobox' },
    h('label', { for: options.id }, options.label),
    options.hint ? h('p', { id: hintId, class: 'hint' }, options.hint) : null,
    h('div', { class: 'combobox-field' }, input, popup),
    status,
  );

  let items: T[] = [];
  let active = -1;
  let timer: number | undefined;
  let inFlight: AbortController | undefined;

  function open(): void {
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close(): void {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function setActive(index: number): void {
    active = index;
    const optionsEls = listbox.querySelectorAll<HTMLLIElement>('[role="option"]');
    optionsEls.forEach((el, i) => el.setAttribute('aria-selected', String(i === index)));
    const current = optionsEls[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index: number): void {
    const item = items[index];
    if (item === undefined) return;
    close();
    options.onSelect(item);
  }

  function show(found: T[], text: string): void {
    items = found;
    listbox.replaceChildren(
      ...found.map((item, i) => {
        const view = options.view(item);
        const option = h(
          'li',
          { id: `${options.id}-option-${i}`, role: 'option', 'aria-selected': 'false', class: 'combobox-option' },
          view.tag ? h('span', { class: 'tag' }, view.tag) : null,
          h('span', { class: 'option-text' }, h('span', { class: 'option-primary', lang: view.lang }, view.primary), view.secondary ? h('span', { class: 'option-secondary' }, view.secondary) : null),
        );
        // mousedown would blur the input first and close the list before the click lands.
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => choose(i));
        return option;
      }),
    );
    const message = options.announce(found, text);
    empty.textContent = found.length === 0 ? message : '';
    empty.hidden = found.length > 0;
    status.textContent = message;
    active = -1;
    open();
  }

  async function run(text: string): Promise<void> {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    status.textContent = options.searching;
    try {
      const found = await options.fetch(text, controller.signal);
      if (!controller.signal.aborted) show(found, text);
    } catch (error) {
      if (controller.signal.aborted) return;
      status.textContent = error instanceof Error ? error.message : String(error);
      empty.textContent = status.textContent;
      empty.hidden = false;
      listbox.replaceChildren();
      items = [];
      open();
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < minLength) {
      inFlight?.abort();
      items = [];
      listbox.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    timer = window.setTimeout(() => void run(text), debounceMs);
  });

  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (popup.hidden && items.length) open();
        if (items.length) setActive(active + 1 >= items.length ? 0 : active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (popup.hidden && items.length) open();
        if (items.length) setActive(active <= 0 ? items.length - 1 : active - 1);
        break;
      case 'Enter':
        if (!popup.hidden && items.length) {
          event.preventDefault();
          choose(active >= 0 ? active : 0);
        }
        break;
      case 'Escape':
        if (!popup.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
        }
        break;
      default:
        break;
    }
  });

  input.addEventListener('blur', () => close());
  input.addEventListener('focus', () => {
    if (items.length && input.value.trim().length >= minLength) open();
  });

  return {
    element,
    input,
    clear() {
      window.clearTimeout(timer);
      inFlight?.abort();
      input.value = '';
      items = [];
      listbox.replaceChildren();
      close();
    },
  };
}
