import { parse } from 'yaml';
import type { z } from 'zod';

/** "faq[3].answer.nn: Required": the field as an admin finds it in the YAML file. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return `${field || '(file)'}: ${issue.message}`;
}

/**
 * A content file's text, parsed and checked against its schema. Every problem
 * goes to `fail` at once, so whoever edits the file can fix them all in one go.
 */
export function parseYamlWithSchema<T>(source: string, schema: z.ZodType<T>, fail: (problems: string[]) => Error): T {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    throw fail([`YAML syntax: ${(error as Error).message}`]);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw fail(result.error.issues.map(describeIssue));
  return result.data;
}
