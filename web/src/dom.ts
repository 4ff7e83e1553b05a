/**
 * Element building without innerHTML: every piece of data goes in as text, so nothing the API
 * returns can become markup.
 */
export type Child = Node | string | number | null | undefined | false;

type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (name === 'class') {
      element.className = String(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, ...children: (SVGElement | Text)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.appendChild(child);
  return element;
}

export function innovationHref(id: string): string {
  return `#/innovation/${encodeURIComponent(id)}`;
}

export function organisationHref(id: string): string {
  return `#/organisation/${encodeURIComponent(id)}`;
}

/** A link to an organisation, named by its qualified name where the query asked for it (units of different parents can share a name). */
export function organisationLink(organisation: { id: string; name: string; qualifiedName?: string }): HTMLAnchorElement {
  return h('a', { href: organisationHref(organisation.id) }, organisation.qualifiedName ?? organisation.name);
}

export function innovationLink(innovation: { id: string; title: string }): HTMLAnchorElement {
  return h('a', { href: innovationHref(innovation.id), lang: 'da' }, innovation.title);
}

/** A section with a heading (h2) whose id names it for assistive technology. */
export function section(id: string, title: string, ...children: (Child | Child[])[]): HTMLElement {
  return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

/** `tel:` wants digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
