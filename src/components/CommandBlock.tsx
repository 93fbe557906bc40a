// A command or code snippet, labelled, shown as text the operator can read and copy. A console
// link is never broken inside a line of other text: on a terminal that draws hyperlinks it is a
// short clickable name of the page; elsewhere the URL has its own line(s), from the panel's left
// edge, so a URL as wide as the panel fits whole.
//
// A URL wider than the panel (most console pages at 80 columns: ~100 characters) is cut at the
// edge onto the next line, with nothing else on either line. Letting it run on for the terminal to
// wrap is not possible inside Ink 6.8's frame: Ink erases the previous frame by counting its own
// lines, so the extra row the terminal adds scrolls the screen and leaves the title off it. `c`
// copies the whole link (OSC 52) when the step's action is complete.
import {Box, Text} from 'ink';
import {SafeText} from './SafeText.js';
import {isLinkableUrl, linkLabel, osc8} from '../text/hyperlink.js';
import {useTheme} from '../ui/theme.js';

export function CommandBlock({label, text}: {readonly label: string; readonly text: string}) {
  const theme = useTheme();
  if (isLinkableUrl(text)) {
    return (
      <Box flexDirection="column" marginTop={1}>
        <Text color={theme.muted}>{theme.hyperlinks ? `${label} (a link)` : label}</Text>
        {theme.hyperlinks ? (
          <Box paddingLeft={2}>
            <Text color={theme.accent} underline>{osc8(text, linkLabel(text))}</Text>
          </Box>
        ) : (
          <SafeText color={theme.accent}>{text}</SafeText>
        )}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={theme.muted}>{label}</Text>
      <Box paddingLeft={2}>
        <SafeText color={theme.accent}>{text}</SafeText>
      </Box>
    </Box>
  );
}
