// Filled in by the hooks work.
export {};
