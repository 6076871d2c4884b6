// Types of build.mjs, for the tests and the benchmark that call it from TypeScript.

/** Whether `root`/dist was built from the files as they are now. */
export function isFresh(root?: string): boolean;
/** Builds `root`/dist; resolves to the entry's path. */
export function build(root?: string): Promise<string>;
/** The file URL of a fresh build's entry, building first when needed. */
export function freshEntry(root?: string): Promise<string>;
