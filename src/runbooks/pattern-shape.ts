// Whether a pattern's shape alone shows it cannot backtrack much, so trying it on slow values
// (pattern-safety.ts) can be skipped. Conservative: anything it does not understand counts as not
// simple. Simple means: no back-reference, no repeated group that holds a choice (a variable
// quantifier or |) — what makes backtracking exponential — and at most two variable quantifiers
// in all (three in a row can be cubic in the length). Pure.

/** One piece of the pattern: an atom, a group's start or end, |, or a quantifier (variable: it can match different counts). */
type Token = {kind: 'atom' | 'open' | 'close' | 'or'} | {kind: 'quantifier'; variable: boolean};

function quantifierAt(pattern: string, i: number): {length: number; variable: boolean} | undefined {
  const c = pattern[i];
  if (c === '*' || c === '+' || c === '?') return {length: pattern[i + 1] === '?' ? 2 : 1, variable: true};
  if (c !== '{') return undefined;
  const m = /^\{(\d+)(,(\d*))?\}\??/.exec(pattern.slice(i));
  if (!m) return undefined;
  return {length: m[0].length, variable: m[2] !== undefined && m[3] !== m[1]};
}

/** The tokens, or undefined for what this reader does not follow (a back-reference, an unclosed class). */
function tokens(pattern: string): Token[] | undefined {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i] ?? '';
    const quantifier = quantifierAt(pattern, i);
    if (quantifier) {
      out.push({kind: 'quantifier', variable: quantifier.variable});
      i += quantifier.length;
    } else if (c === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return undefined;
      out.push({kind: 'atom'});
      i += 2;
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      if (j >= pattern.length) return undefined;
      out.push({kind: 'atom'});
      i = j + 1;
    } else if (c === '(') {
      out.push({kind: 'open'});
      // (?:  (?=  (?!  (?<=  (?<!  and (?<name> open a group too.
      const prefix = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(i));
      i += prefix ? prefix[0].length : 1;
    } else {
      out.push({kind: c === ')' ? 'close' : c === '|' ? 'or' : 'atom'});
      i += 1;
    }
  }
  return out;
}

export function isSimplePattern(pattern: string): boolean {
  const list = tokens(pattern);
  if (list === undefined) return false;
  let variables = 0;
  // For each open group: whether it holds a choice so far.
  const groups: boolean[] = [];
  let closedWithChoice: boolean | undefined;
  for (const token of list) {
    if (token.kind === 'quantifier') {
      if (token.variable) variables += 1;
      // A repeated group that holds a choice: the repetitions can split the value in many ways.
      if (closedWithChoice === true) return false;
      if (token.variable && groups.length > 0) groups[groups.length - 1] = true;
      closedWithChoice = undefined;
      continue;
    }
    closedWithChoice = undefined;
    if (token.kind === 'open') groups.push(false);
    else if (token.kind === 'or' && groups.length > 0) groups[groups.length - 1] = true;
    else if (token.kind === 'close') {
      const hadChoice = groups.pop() ?? false;
      closedWithChoice = hadChoice;
      if (hadChoice && groups.length > 0) groups[groups.length - 1] = true;
    }
  }
  return variables <= 2;
}
