// A panel of fixed height whose content scrolls (the offset comes from state; this only clamps
// and draws it). Tells the app the largest useful offset so scrolling back up is immediate.
import {Box, Text, measureElement, type DOMElement} from 'ink';
import {useEffect, useRef, useState, type ReactNode} from 'react';
import {useTheme} from '../ui/theme.js';

export interface ScrollPanelProps {
  readonly scroll: number;
  readonly height: number;
  readonly onLimit?: ((max: number) => void) | undefined;
  readonly children: ReactNode;
}

export function ScrollPanel({scroll, height, onLimit, children}: ScrollPanelProps) {
  const theme = useTheme();
  const ref = useRef<DOMElement>(null);
  const [contentHeight, setContentHeight] = useState(0);
  // Measure after each change of content (Ink lays out before effects run).
  useEffect(() => {
    if (ref.current) setContentHeight(measureElement(ref.current).height);
  }, [children, height]);
  const overflowing = contentHeight > height;
  const view = overflowing ? Math.max(1, height - 1) : height;
  const max = Math.max(0, contentHeight - view);
  useEffect(() => {
    onLimit?.(max);
  }, [max, onLimit]);
  const offset = Math.min(scroll, max);
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={view} overflow="hidden">
        <Box ref={ref} flexDirection="column" marginTop={-offset} flexShrink={0}>
          {children}
        </Box>
      </Box>
      {overflowing ? (
        <Text color={theme.muted}>
          {offset < max ? `↓ more (${max - offset} line${max - offset === 1 ? '' : 's'})` : '— end —'}
          {offset > 0 ? ' · ↑ scroll up' : ''}
        </Text>
      ) : null}
    </Box>
  );
}
