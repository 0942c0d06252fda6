/**
 * A text function that computes each distinct input once, for one report: a large scan names the
 * same resource in many policies' results and the same file in all of them. Made per report, so
 * nothing is kept across runs or inputs.
 */
export function textMemo(compute: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) known.set(text, (result = compute(text)));
    return result;
  };
}
