// XML -> raw element tree with fast-xml-parser. The parser itself accepts malformed
// XML silently (an unclosed tag just ends the document), so the text goes through
// XMLValidator first: it is ~15% of the parse time and the only way to tell the user
// the line and column where the file is broken.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SVDError } from '../../openocd/errors';

/** One XML element: child elements by tag, attributes as "@_name", text as "#text". */
export interface RawNode {
  [key: string]: RawValue;
}
export type RawValue = string | RawNode | RawNode[] | string[] | undefined;

// Elements that may repeat. Forcing them to arrays keeps the tree's shape the same
// whether a peripheral has one register or fifty.
const REPEATED = new Set(['peripheral', 'register', 'cluster', 'field', 'enumeratedValues', 'enumeratedValue', 'interrupt', 'addressBlock']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Numbers are parsed by the SVD rules (#binary, x don't-cares), not by the XML parser.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tagName) => REPEATED.has(tagName),
  // Callbacks get the parser's matcher instead of a path string built for every tag (~10% of parse time).
  jPath: false,
});

/** Parses SVD text into its <device> element. `source` names the file in errors. */
export function parseXml(text: string, source: string): RawNode {
  const check = XMLValidator.validate(text);
  if (check !== true) {
    const { msg, line, col } = check.err;
    throw new SVDError(`${source}: malformed XML at line ${line}, column ${col}: ${msg}`);
  }
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (err) {
    throw new SVDError(`${source}: malformed XML: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const device = isNode(doc) ? doc['device'] : undefined;
  if (!isNode(device)) throw new SVDError(`${source}: not a CMSIS-SVD file: no <device> root element`);
  return device;
}

export function isNode(v: unknown): v is RawNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Text content of child element `tag` (trimmed by the parser), or undefined when absent. */
export function childText(node: RawNode, tag: string): string | undefined {
  const v = node[tag];
  if (typeof v === 'string') return v;
  if (isNode(v)) {
    const t = v['#text'];
    return typeof t === 'string' ? t : '';
  }
  if (Array.isArray(v)) {
    const first = v[0];
    return typeof first === 'string' ? first : first === undefined ? undefined : childText({ x: first }, 'x');
  }
  return undefined;
}

/** Repeated child elements `tag` (empty when absent). */
export function childNodes(node: RawNode, tag: string): RawNode[] {
  const v = node[tag];
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? {} : x));
  if (isNode(v)) return [v];
  if (typeof v === 'string') return [{}]; // <tag/> with neither text nor attributes
  return [];
}

/** A single child element (e.g. <registers>, <fields>), or undefined. */
export function childNode(node: RawNode, tag: string): RawNode | undefined {
  const v = node[tag];
  if (isNode(v)) return v;
  if (typeof v === 'string') return {};
  return undefined;
}

export function attr(node: RawNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** <description> with the XML's line breaks and indentation folded to single spaces. */
export function childDescription(node: RawNode): string | undefined {
  const t = childText(node, 'description');
  return t === undefined || !/\s\s|\n/.test(t) ? t : t.replace(/\s+/g, ' ');
}
