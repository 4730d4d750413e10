/**
 * The `yaml` package's parse errors in plain words, with what to do. Its error codes are stable
 * (its messages are not, and speak of tokens and implicit keys): each code gets a sentence an
 * annotator who never read the YAML spec can act on. The editor and the CLI show these.
 */

/** What the user should read for a parse error of `code`; `original` is the parser's own message, `source` the text it points at. */
export function plainYamlMessage(code: string, original: string, source = ''): string {
  const at = source.trim();
  switch (code) {
    case 'DUPLICATE_KEY':
      return at
        ? `the key ${clip(at)} appears twice in the same mapping: keep one of them (YAML would silently use the last)`
        : 'a key appears twice in the same mapping: keep one of them (YAML would silently use the last)';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must end with a colon on its own line: a "name: value" line may be missing its ":", or a value spills onto the next line (put long text in quotes)';
    case 'TAB_AS_INDENT':
      return 'this line is indented with a tab: YAML allows only spaces for indentation';
    case 'BAD_INDENT':
      return /flow|\]|\}/i.test(original)
        ? 'a list in [ ] or a mapping in { } is not closed, or its continuation lines are indented less than the key: close it or indent the lines'
        : 'entries of one mapping or list must start at the same column: line this one up with its neighbours';
    case 'MISSING_CHAR':
      if (/quote/i.test(original)) return 'a quoted text is not closed: add the closing quote (inside "…", write \\" for a quote; inside \'…\', write \'\')';
      if (/map value|:/i.test(original)) return 'a key is not followed by ":" and a value: add the colon, or quote the text if it is a value';
      if (/\]|\}|flow/i.test(original)) return 'a list in [ ] or a mapping in { } is not closed: add the closing bracket';
      return 'a character is missing here (a closing quote, bracket or a colon)';
    case 'UNEXPECTED_TOKEN':
      return 'unexpected text here: a list item "- " on the same line as its key, a stray bracket, or an unquoted value with ": " or " #" in it (put such values in quotes)';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a key cannot span several lines or be a list or mapping: write the key on one line, followed by ":"';
    case 'BLOCK_IN_FLOW':
      return 'inside [ ] or { }, items are written on one line separated by commas; use "- " items on their own lines instead';
    case 'BAD_DQ_ESCAPE':
      return 'an unknown backslash escape inside "…": write \\\\ for a backslash, or use single quotes, where backslashes are plain characters';
    case 'BAD_SCALAR_START':
      return 'a value cannot start with this character (@, `, |, > and others are reserved): put the value in quotes';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return 'an alias (*name) must stand alone and refer to an anchor (&name) defined above it';
    case 'MULTIPLE_ANCHORS':
      return 'a value can carry only one anchor (&name): remove the others';
    case 'MULTIPLE_TAGS':
      return 'a value can carry only one tag (!tag): remove the others';
    case 'TAG_RESOLVE_FAILED':
      return 'an unknown tag (a word after "!"): remove it, or quote the value if the "!" belongs to the text';
    case 'BAD_PROP_ORDER':
      return 'an anchor or tag is in the wrong place: write it before the value it belongs to';
    case 'BAD_DIRECTIVE':
      return 'an unknown line starting with "%": remove it (a dataset file needs no directives)';
    case 'BAD_COLLECTION_TYPE':
      return 'this tag does not fit a list or mapping: remove the tag';
    case 'MULTIPLE_DOCS':
      return 'a file holds one YAML document: remove the second "---" and what follows it, or merge them';
    case 'KEY_OVER_1024_CHARS':
      return 'a key longer than 1,024 characters: a value probably lost its "- " or its indentation and became a key';
    case 'NON_STRING_KEY':
      return 'a key must be plain text: quote it';
    case 'RESOURCE_EXHAUSTION':
      return 'the file expands to too much data (an alias used too often): remove the aliases';
    case 'IMPOSSIBLE':
      return `the YAML parser failed here (${original}): check the syntax around this point`;
    default:
      return original;
  }
}

function clip(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
