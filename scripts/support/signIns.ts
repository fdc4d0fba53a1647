const HEADER = 'hub: demo sign-ins';

/**
 * The demo sign-ins a hub node prints once it listens (a `hub: demo sign-ins` line, then one indented line per
 * person). Every node of a cluster prints the same ones, from the organisation in the shared database: they are
 * held back from every node's output and shown once, from the first node that printed them.
 */
export function signInCatcher() {
  let kept: string[] | null = null;
  return {
    /** A line filter for one node (see `spawnHubNode`): false for the lines of the sign-ins. */
    forNode(): (line: string) => boolean {
      let inBlock = false;
      let mine: string[] | null = null;
      return (line) => {
        if (line.startsWith(HEADER)) {
          inBlock = true;
          if (kept === null) kept = mine = [];
          return false;
        }
        inBlock &&= line.startsWith('  ');
        if (inBlock) mine?.push(line);
        return !inBlock;
      };
    },
    /** The sign-ins, one person a line; empty when no node printed any (`--no-seed`, or data not from the seed). */
    lines: (): readonly string[] => kept ?? [],
  };
}
