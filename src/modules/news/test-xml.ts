// For tests: a small strict XML parser (well-formedness as XML 1.0 states it for what a feed
// uses: one root, matched tags, quoted and unique attributes, known entities, no stray "<" or
// "&", only allowed characters). It throws on the first fault and gives the element tree.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(raw)) throw new Error(`character not allowed in XML ${where}`);
  return raw.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare "&" ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const n = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#(\d+)$/.exec(ref)?.[1];
    if (n === undefined) throw new Error(`unknown entity &${ref}; ${where}`);
    return String.fromCodePoint(ref.startsWith('#x') ? parseInt(n, 16) : Number(n));
  });
}

export function parseXml(source: string): XmlElement {
  let s = source;
  const decl = /^<\?xml version="1\.0"(?: encoding="[Uu][Tt][Ff]-8")?\?>\s*/.exec(s);
  if (!decl) throw new Error('no XML declaration');
  s = s.slice(decl[0].length);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (s.length) {
    const lt = s.indexOf('<');
    const text = lt === -1 ? s : s.slice(0, lt);
    if (text) {
      if (!stack.length) {
        if (text.trim()) throw new Error('text outside the root element');
      } else stack[stack.length - 1]!.text += decode(text, 'in text');
      if (text.includes('>') && text.includes(']]>')) throw new Error('"]]>" in text');
    }
    if (lt === -1) break;
    s = s.slice(lt);
    if (s.startsWith('</')) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(s);
      const open = stack.pop();
      if (!m || !open || open.name !== m[1]) throw new Error(`closing tag ${m?.[1] ?? s.slice(0, 20)} does not match ${open?.name ?? 'nothing'}`);
      s = s.slice(m[0].length);
      continue;
    }
    const name = NAME.exec(s.slice(1))?.[0];
    if (!name) throw new Error(`bad tag at ${s.slice(0, 20)}`);
    s = s.slice(1 + name.length);
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      const attr = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(s);
      if (!attr) break;
      if (attr[1]! in el.attrs) throw new Error(`attribute ${attr[1]} twice on ${name}`);
      el.attrs[attr[1]!] = decode(attr[3] ?? attr[4] ?? '', `in attribute ${attr[1]}`);
      s = s.slice(attr[0].length);
    }
    const end = /^\s*(\/?)>/.exec(s);
    if (!end) throw new Error(`malformed tag ${name} at ${s.slice(0, 20)}`);
    s = s.slice(end[0].length);
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else if (root) throw new Error('more than one root element');
    else root = el;
    if (!end[1]) stack.push(el);
  }
  if (stack.length || !root) throw new Error(`unclosed element ${stack[stack.length - 1]?.name ?? '(none)'}`);
  return root;
}

/** The children of `el` named `name`. */
export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
