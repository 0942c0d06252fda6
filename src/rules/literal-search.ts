/** One literal to look for; `whole` asks that it not continue a word or number on either side. */
export interface Literal {
  text: string;
  whole: boolean;
}

interface Hit {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}_]/u;

function isWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/**
 * Finds many literals in a text at once (an Aho-Corasick automaton over UTF-16 code units): the
 * time is linear in the text whatever the number of literals. A plan can mark thousands of values
 * sensitive (a password per database) and every finding's text is searched for all of them; one
 * RegExp alternation of 2,000 literals made a 30k-resource scan 15× slower, and the npm
 * Aho-Corasick packages segment every text into graphemes first, which is slower still.
 */
export class LiteralSearch {
  /** The edges of all states in one map, keyed `state * 0x10000 + code unit` (a Map per state costs more to build than to search). State 0 is the root. */
  readonly #edges = new Map<number, number>();
  readonly #fail: number[] = [0];
  /** Per state: the literals (by index) that end here, its own and those of its fail chain. */
  readonly #ends: number[][] = [[]];
  /** Per state: the code units it has edges for, to visit the states breadth first. */
  readonly #units: number[][] = [[]];
  readonly #literals: readonly Literal[];

  constructor(literals: readonly Literal[]) {
    this.#literals = literals;
    literals.forEach((literal, index) => {
      let state = 0;
      for (let i = 0; i < literal.text.length; i++) {
        const unit = literal.text.charCodeAt(i);
        let next = this.#edges.get(state * 0x10000 + unit);
        if (next === undefined) {
          next = this.#fail.length;
          this.#fail.push(0);
          this.#ends.push([]);
          this.#units.push([]);
          this.#edges.set(state * 0x10000 + unit, next);
          this.#units[state]!.push(unit);
        }
        state = next;
      }
      this.#ends[state]!.push(index);
    });
    // Breadth first, so that a state's fail target is complete before the state is.
    const queue = this.#units[0]!.map((unit) => this.#edges.get(unit)!);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const unit of this.#units[state]!) {
        const child = this.#edges.get(state * 0x10000 + unit)!;
        this.#fail[child] = this.#step(this.#fail[state]!, unit);
        const inherited = this.#ends[this.#fail[child]!]!;
        if (inherited.length > 0) this.#ends[child]!.push(...inherited);
        queue.push(child);
      }
    }
  }

  /** The state after reading `unit` in `state`, following fail links (the root reads anything). */
  #step(state: number, unit: number): number {
    for (;;) {
      const next = this.#edges.get(state * 0x10000 + unit);
      if (next !== undefined) return next;
      if (state === 0) return 0;
      state = this.#fail[state]!;
    }
  }

  /** The text with each occurrence replaced, leftmost first and longest among those starting at one place. */
  replace(text: string, replacement: string): string {
    const hits = this.#hits(text);
    if (hits.length === 0) return text;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let done = 0;
    for (const hit of hits) {
      if (hit.start < done) continue;
      out += text.slice(done, hit.start) + replacement;
      done = hit.end;
    }
    return out + text.slice(done);
  }

  #hits(text: string): Hit[] {
    const hits: Hit[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.#step(state, text.charCodeAt(i));
      const ends = this.#ends[state]!;
      if (ends.length === 0) continue;
      for (const index of ends) {
        const literal = this.#literals[index]!;
        const start = i + 1 - literal.text.length;
        const end = i + 1;
        if (literal.whole && ((isWord(literal.text[0]) && isWord(text[start - 1])) || (isWord(literal.text.at(-1)) && isWord(text[end])))) continue;
        hits.push({ start, end });
      }
    }
    return hits;
  }
}
