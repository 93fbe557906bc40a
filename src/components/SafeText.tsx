// Text from an event (or anything derived from one): control characters are shown, never obeyed.
import {Text, Transform, type TextProps} from 'ink';
import {safeLine, safeText} from '../text/safe-text.js';
import {withoutWrapSpace} from '../text/wrap-space.js';

export interface SafeTextProps extends Omit<TextProps, 'children'> {
  readonly children: string;
  /** Keep it on one line (newlines shown as \n). */
  readonly isSingleLine?: boolean;
}

export function SafeText({children, isSingleLine = false, ...props}: SafeTextProps) {
  const text = isSingleLine ? safeLine(children) : safeText(children);
  const inert = <Text {...props}>{text}</Text>;
  // A truncated line never wraps; a wrapped one must not start with the space it broke at.
  if (props.wrap !== undefined && props.wrap !== 'wrap') return inert;
  return <Transform transform={(line) => withoutWrapSpace(line, text)}>{inert}</Transform>;
}
