// Types of compile.mjs, which is plain JavaScript because it runs before anything can load TypeScript.
export function compiled(
  entry: string,
  options?: { splitting?: boolean; inline?: string[] },
): Promise<string>;
