/**
 * The fast path for clean YAML (DESIGN §5: `js-yaml` reads 20–25 MB/s, the range-keeping `yaml`
 * package about 2 MB/s). A file that passes the guards and that js-yaml reads as plain data —
 * no tags, anchors, aliases, directives or collection keys — gets its value from js-yaml with a
 * schema that resolves scalars exactly as `yaml`'s core schema does; the `yaml` Document (and
 * so every source range) is built only when a rule first asks where something is. Anything
 * else takes `parseYaml` at once, so problems are always the guarded parser's. Before js-yaml,
 * the files our own code writes are read by subsetReader.ts, several times faster still.
 * test/unit/differential.test.ts and subsetReader.test.ts prove the paths give the same data.
 */
import type { Event, Schema } from 'js-yaml';
import type { Document } from 'yaml';
import { crAsLineBreak, parseYaml, type ParsedYaml, type YamlProblem } from '../yaml/parse';
import { checkGuards, checkSize, DEFAULT_MAX_BYTES, MAX_NESTING, mayTrip } from '../yaml/guards';
import { readSubset } from '../yaml/subsetReader';
import { coreBool, coreFloat, coreInt, isCoreNull } from '../yaml/coreScalars';
import { jsYamlLib } from './jsYamlLib';

let schema: Schema | undefined;

/** Built on first use, like the package itself: nothing here runs when the bundle loads. */
function coreSchema(): Schema {
  schema ??= buildCoreSchema();
  return schema;
}

/** The core schema of the `yaml` package (coreScalars.ts), tag by tag, for plain scalars. */
function buildCoreSchema(): Schema {
  const { defineMappingTag, defineScalarTag, FAILSAFE_SCHEMA, NOT_RESOLVED } = jsYamlLib();
  const nullTag = defineScalarTag('tag:yaml.org,2002:null', {
    implicit: true,
    implicitFirstChars: ['', '~', 'n', 'N'],
    resolve: (s) => (isCoreNull(s) ? null : NOT_RESOLVED),
    identify: (x) => x === null,
  });
  const boolTag = defineScalarTag('tag:yaml.org,2002:bool', {
    implicit: true,
    implicitFirstChars: ['t', 'T', 'f', 'F'],
    resolve: (s) => coreBool(s) ?? NOT_RESOLVED,
    identify: (x) => typeof x === 'boolean',
  });
  const intTag = defineScalarTag('tag:yaml.org,2002:int', {
    implicit: true,
    implicitFirstChars: ['-', '+', ...'0123456789'],
    resolve: (s) => coreInt(s) ?? NOT_RESOLVED,
    identify: (x) => Number.isInteger(x),
  });
  const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
    implicit: true,
    implicitFirstChars: ['-', '+', '.', ...'0123456789'],
    resolve: (s) => coreFloat(s) ?? NOT_RESOLVED,
    identify: (x) => typeof x === 'number',
  });
  /** Keys as `yaml`'s toJS writes them: null → "", others String(); inherited names defined as own data. */
  const mapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
    create: () => ({}),
    identify: () => false,
    addPair: (map, key, value) => {
      if (key !== null && typeof key === 'object') return 'collection keys are left to the yaml package';
      const name = typeof key === 'string' ? key : key === null ? '' : String(key);
      // Only __proto__ is an accessor on Object.prototype; any other name assigns an own property.
      if (name === '__proto__') Object.defineProperty(map, name, { value, writable: true, enumerable: true, configurable: true });
      else map[name] = value;
      return '';
    },
    // js-yaml calls a repeated key an error; `yaml` does too (uniqueKeys), so both leave the fast path.
    has: (map, key) => key !== null && typeof key !== 'object' && Object.prototype.hasOwnProperty.call(map, key === null ? '' : String(key)),
    keys: (map) => Object.keys(map),
    get: (map, key) => map[String(key)],
  });
  return FAILSAFE_SCHEMA.withTags(mapTag, nullTag, boolTag, intTag, floatTag);
}

const EXPLICIT_OR_EMPTY_KEY = /^[ \t-]*[?:](?:[ \t]|\r?$)/m;
/**
 * What js-yaml reads otherwise than the yaml package (issue 13), declined so that the yaml
 * package judges it: a line starting with `%` (js-yaml drops an unknown directive silently, the
 * yaml package warns) and `\U` (js-yaml turns an escape beyond U+10FFFF into two lone
 * surrogates, the yaml package calls it invalid; our files write such characters raw).
 */
const DIRECTIVE_LINE = /^%/m;

/** A parse whose `yaml` Document is built on first use. */
class LazyParsed implements ParsedYaml {
  readonly problems: YamlProblem[] = [];
  private full: ParsedYaml | undefined;

  private built: Document.Parsed | undefined;

  constructor(
    readonly text: string,
    readonly value: unknown,
    private readonly document?: (text: string, value: unknown) => Document.Parsed | undefined,
  ) {}

  get doc(): Document.Parsed | undefined {
    if (this.built) return this.built;
    this.built = this.document?.(this.text, this.value);
    if (this.built) return this.built;
    this.full ??= parseYaml(this.text);
    return this.full.doc;
  }
}

/** Whether a parse came from the fast path (so its text holds no tags, anchors or aliases). */
export function isFastParse(parsed: ParsedYaml): boolean {
  return parsed instanceof LazyParsed;
}

/** Whether the Document behind a parse has been built (for tests and the benchmark). */
export function hasDocument(parsed: ParsedYaml): boolean {
  const lazy = parsed as unknown as { full?: ParsedYaml; built?: unknown };
  return !(parsed instanceof LazyParsed) || lazy.full !== undefined || lazy.built !== undefined;
}

/**
 * The plain value of a text, or undefined when it must take the range-keeping parser: our own
 * subset of YAML is read directly (subsetReader.ts declines whatever a guard would refuse);
 * anything else goes through the guards and js-yaml.
 */
export function fastValue(text: string): { value: unknown } | undefined {
  // Each path declines the empty text, a BOM and an oversized one itself (parseYaml reports them).
  return readSubset(text) ?? jsYamlValue(text);
}

/** The value js-yaml reads, or undefined when the text must take the range-keeping parser. */
export function jsYamlValue(original: string): { value: unknown } | undefined {
  if (original.length === 0 || original.charCodeAt(0) === 0xfeff) return undefined;
  if (checkSize(original, DEFAULT_MAX_BYTES)) return undefined;
  // The text parseYaml reads (a lone CR is a line break), so the guards see the same lines.
  const text = crAsLineBreak(original);
  if (text.includes('\\U') || DIRECTIVE_LINE.test(text)) return undefined;
  // One screen clears most texts of the guards and of the key test at once. Explicit (`? k`) and
  // empty (`: v`) keys: js-yaml accepts compact nestings after them that the yaml package
  // rejects. Our files never need them.
  if (mayTrip(text) && (checkGuards(text, DEFAULT_MAX_BYTES) || EXPLICIT_OR_EMPTY_KEY.test(text))) return undefined;
  const { constructFromEvents, parseEvents } = jsYamlLib();
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { maxDepth: MAX_NESTING - 4 });
    if (!plainData(events)) return undefined;
    documents = constructFromEvents(events, { source: text, schema: coreSchema(), json: false, maxAliases: 0 });
  } catch {
    return undefined;
  }
  return documents.length === 1 ? { value: documents[0] } : undefined;
}

/** No tags, anchors, aliases or directives: the constructs where the two parsers may differ. */
function plainData(events: Event[]): boolean {
  const { EVENT_ID } = jsYamlLib();
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        if (e.directives.length > 0) return false;
        break;
      case EVENT_ID.SCALAR:
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        if (e.tagStart >= 0 || e.anchorStart >= 0) return false;
        break;
      case EVENT_ID.ALIAS:
        return false;
    }
  }
  return true;
}

/**
 * `parseYaml`, through js-yaml when the text allows it. `document` may build the Document
 * more cheaply than a whole parse (a sidecar, claim by claim); it returns undefined to decline.
 */
export function parseYamlFast(text: string, document?: (text: string, value: unknown) => Document.Parsed | undefined): ParsedYaml {
  const fast = fastValue(text);
  return fast ? new LazyParsed(text, fast.value, document) : parseYaml(text);
}
