// Text from an event (or anything derived from one): control characters are shown, never obeyed.
import {Text, type TextProps} from 'ink';
import {safeLine, safeText} from '../text/safe-text.js';

export interface SafeTextProps extends Omit<TextProps, 'children'> {
  readonly children: string;
  /** Keep it on one line (newlines shown as \n). */
  readonly isSingleLine?: boolean;
}

export function SafeText({children, isSingleLine = false, ...props}: SafeTextProps) {
  return <Text {...props}>{isSingleLine ? safeLine(children) : safeText(children)}</Text>;
}
