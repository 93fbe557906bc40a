// The baseline for bench:keys: an Ink app with one useInput that walks N "steps" (argv[2]; → or l next, ← or h back,
// every l and h in a chunk counted) and draws a full frame with the same title line as trailguide. Built like
// trailguide, it measures Ink's own keystroke-to-frame time on this machine in the same run.
import {Box, Text, render, useInput} from 'ink';
import {useState} from 'react';

const steps = Number(process.argv[2] ?? 44);

function Baseline() {
  const [index, setIndex] = useState(0);
  useInput((input, key) => {
    let delta = key.rightArrow ? 1 : key.leftArrow ? -1 : 0;
    for (const ch of input) delta += ch === 'l' ? 1 : ch === 'h' ? -1 : 0;
    if (delta) setIndex((i) => Math.min(steps - 1, Math.max(0, i + delta)));
  });
  const lines = Math.max(1, (process.stdout.rows || 24) - 3);
  return (
    <Box flexDirection="column">
      <Text bold color="cyan">
        baseline · Step {index + 1} of {steps}
      </Text>
      {Array.from({length: lines}, (_, i) => (
        <Text key={i}>{`line ${i + 1} of this step (${index + 1}): `.padEnd(90, '·')}</Text>
      ))}
      <Text dimColor>→ next · ← back · q quit</Text>
    </Box>
  );
}

render(<Baseline />);
