// The CLI's own view of the code: nothing below the CLI may import it.
export const DESIRED_VIEW = 'desired view';
