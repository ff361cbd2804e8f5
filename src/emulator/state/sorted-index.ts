/**
 * Keys kept in ascending order (code-unit order for strings), so that a list page is a binary search
 * plus a slice instead of a sort of the whole collection on every call.
 */
export class SortedIndex<K extends string | number> {
  private readonly keys: K[] = [];

  /** Number of keys held. */
  get size(): number {
    return this.keys.length;
  }

  /** Adds a key; adding one that is present does nothing. */
  add(key: K): void {
    const at = this.lowerBound(key);
    if (this.keys[at] !== key) this.keys.splice(at, 0, key);
  }

  /** Removes a key if present. */
  delete(key: K): void {
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }

  /** Removes every key. */
  clear(): void {
    this.keys.length = 0;
  }

  /** Keys strictly after `after` (from the start when undefined), in order. */
  *from(after?: K): IterableIterator<K> {
    let at = after === undefined ? 0 : this.upperBound(after);
    while (at < this.keys.length) yield this.keys[at++];
  }

  /** Keys at or after `first`, in order. */
  *startingAt(first: K): IterableIterator<K> {
    let at = this.lowerBound(first);
    while (at < this.keys.length) yield this.keys[at++];
  }

  private lowerBound(key: K): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBound(key: K): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
