/** CHANGELOG.md as a release needs it: a `## X.Y.Z` section for the version, with something in it. */
export function changelogProblems(text: string, version: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^## \\[?${version.replaceAll('.', '\\.')}\\]?(\\s|$)`).test(line));
  if (start < 0) return [`no "## ${version}" section`];
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.trim() !== '');
  return body.length === 0 ? [`the "## ${version}" section is empty`] : [];
}
