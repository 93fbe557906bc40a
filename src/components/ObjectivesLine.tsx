// The training objectives in one line on top of a step, for terminals too narrow for the side panel.
import {Text} from 'ink';
import {objectiveMarks, type TrainingView} from '../walkthrough/training-view.js';
import {safeLine} from '../text/safe-text.js';
import {useTheme} from '../ui/theme.js';

export function ObjectivesLine({training}: {readonly training: TrainingView}) {
  const theme = useTheme();
  const objectives = training.objectives.map((o) => `${objectiveMarks[o.status]} ${safeLine(o.objective.text)}`);
  return (
    <Text color={training.metCount === training.objectives.length ? theme.ok : theme.accent}>
      Objectives {training.metCount}/{training.objectives.length}: {[...objectives, ...(training.time ? [training.time] : [])].join(' · ')}
    </Text>
  );
}
