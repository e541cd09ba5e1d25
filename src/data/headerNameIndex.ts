/**
 * The field of each name of a header, found by binary search over the fields sorted by name: an Int32Array of
 * 4 bytes a column, where a Map from every name of a 100,000-column header held some 4 MB for the whole run.
 */
export class HeaderNameIndex {
  private readonly order: Int32Array;

  constructor(private readonly names: readonly string[]) {
    const order = new Int32Array(names.length);
    for (let k = 0; k < order.length; k++) order[k] = k;
    // code-unit order (not localeCompare): the search below compares the same way
    order.sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b));
    this.order = order;
  }

  /** The first field named `name`, or -1. */
  sourceOf(name: string): number {
    const { order, names } = this;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (names[order[mid]!]! < name) lo = mid + 1;
      else hi = mid;
    }
    return lo < order.length && names[order[lo]!] === name ? order[lo]! : -1;
  }

  /** The fields of `wanted`'s names that the header has, ascending and each once (loadTable's `columns`). */
  sourcesOf(wanted: Iterable<string>): number[] {
    const sources: number[] = [];
    for (const name of wanted) {
      const source = this.sourceOf(name);
      if (source >= 0) sources.push(source);
    }
    sources.sort((a, b) => a - b);
    let n = 0;
    for (let k = 0; k < sources.length; k++) if (k === 0 || sources[k] !== sources[n - 1]) sources[n++] = sources[k]!;
    sources.length = n;
    return sources;
  }
}
