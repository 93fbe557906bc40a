// The baseline for bench:startup: an Ink hello-world with one useInput, built exactly like trailguide.
import {Box, Text, render, useApp, useInput} from 'ink';

function Hello() {
  const {exit} = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return (
    <Box flexDirection="column">
      <Text>hello, world</Text>
      <Text>baseline ready</Text>
    </Box>
  );
}

render(<Hello />);
