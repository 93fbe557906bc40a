// The bytes a terminal sends for each key (Ink 6.8 parses these; see stack-notes §1.3).
export const ENTER = '\r';
export const ESC = '\u001B';
export const UP = '\u001B[A';
export const DOWN = '\u001B[B';
export const RIGHT = '\u001B[C';
export const LEFT = '\u001B[D';
export const BACKSPACE = '\u007F';
export const CTRL_C = '\u0003';
