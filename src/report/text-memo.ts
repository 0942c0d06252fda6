/**
 * A function of a text that computes each distinct input once, for one report: a large scan names
 * the same resource in many policies' results and the same file in all of them. Made per report,
 * so nothing is kept across runs or inputs. A computed object is shared by every caller: never changed.
 */
export function textMemo<T = string>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) known.set(text, (result = compute(text)));
    return result;
  };
}
