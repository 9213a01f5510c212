/** Types of scripts/check-node.mjs. */
export function nodeProblem(required: string, current: string): string | null;
