/** Scalar values together with how they were written, for messages about YAML's typing. */
import type { ParsedYaml } from './parse';
import { locate, nodeRange, type PathSegment } from './ranges';
import { yamlLib } from './yamlLib';

export interface ScalarInfo {
  /** The value as read with the core schema (`0123` → 123). */
  value: unknown;
  /** Source text of a plain (unquoted) scalar, e.g. "0123"; undefined for quoted and block styles. */
  source?: string;
  start: number;
  end: number;
}

/** The scalar exactly at `path`; undefined when the path is missing or not a scalar. */
export function scalarAt(parsed: ParsedYaml, path: readonly PathSegment[]): ScalarInfo | undefined {
  const located = locate(parsed, path);
  const { isScalar, Scalar } = yamlLib();
  if (!located.exact || !isScalar(located.node)) return undefined;
  const { start, end } = nodeRange(parsed, path, 'value');
  const info: ScalarInfo = { value: located.node.value, start, end };
  if (located.node.type === Scalar.PLAIN) info.source = parsed.text.slice(start, end);
  return info;
}
