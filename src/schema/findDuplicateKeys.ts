import { isMap, isPair, isScalar, isSeq, type Document } from "yaml";

/** A key written twice in one mapping: where the repeat is and where the key first appeared (character offsets). */
export interface DuplicateKey {
  readonly key: string;
  readonly offset: number;
  readonly firstOffset: number;
}

/**
 * The repeated keys of every mapping in a parsed YAML document, in document order, at most `limit` of them.
 *
 * The yaml package's own check (`uniqueKeys: true`) compares each key with every earlier one, which makes a schema
 * of 20,000 columns take half a minute; one Map per mapping makes it linear. Keys compare as the text they become in
 * the parsed object (`1:` and `'1':` collide there, so they are duplicates here too). Aliases are not followed, so an
 * alias bomb costs no more than its text. Keys that are collections or aliases are left alone: a schema file has none
 * that are valid, and the JSON Schema check reports them.
 */
export function findDuplicateKeys(doc: Document, limit = 5): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  // An explicit stack: nesting depth is the file's to choose.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && key.range) {
          const text = String(key.value);
          const first = seen.get(text);
          if (first === undefined) seen.set(text, key.range[0]);
          else if (found.length < limit) found.push({ key: text, offset: key.range[0], firstOffset: first });
        }
      }
      // Reversed onto the stack, so that nested mappings are visited in document order.
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!.value);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isPair(node)) {
      stack.push(node.value);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
