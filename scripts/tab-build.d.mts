/** The tab's source files and folders under the repository root. */
export function tabSources(root: string): string[];
/** Whether tab/dist is missing or older than the tab's sources. */
export function tabIsStale(root: string): boolean;
/** Builds the tab if it is stale; returns whether it built. */
export function ensureTabBuilt(root: string, log?: (line: string) => void): boolean;
