// Functions for the sharing runbook (to be filled by it).
export {};
