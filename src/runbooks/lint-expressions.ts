// Lint of expressions and templates: each expression and each {{ }} part of a template compiles, and
// every function it calls exists (JMESPath's own or trailguide's named functions). Pure.
import {unknownFunctions} from '../engine/expression-calls.js';
import {templateExpressions} from '../engine/template.js';
import {error, type Problem} from './lint-problem.js';
import type {ExpressionSite} from './lint-sites.js';

function problemsOf(field: string, text: string, shown: string): Problem[] {
  let unknown: string[];
  try {
    unknown = unknownFunctions(text);
  } catch (failure) {
    return [error(field, `${shown} is not a JMESPath expression: ${failure instanceof Error ? failure.message : String(failure)}`)];
  }
  return unknown.map((name) => error(field, `${shown} calls ${name}(), which is not a function of JMESPath or trailguide`));
}

export function expressionProblems(sites: readonly ExpressionSite[]): Problem[] {
  return sites.flatMap(({field, text, isTemplate}) =>
    isTemplate ? templateExpressions(text).flatMap((part) => problemsOf(field, part, `{{ ${part} }}`)) : problemsOf(field, text, 'the expression'),
  );
}
