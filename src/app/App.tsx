// The root: owns the state, the one useInput, the effect runner, and picks the screen to draw.
import {Box, Text, useApp, useInput, type Key} from 'ink';
import {useCallback, useRef} from 'react';
import {ObjectivesPanel, objectivesPanelWidth} from '../components/ObjectivesPanel.js';
import {HintBar} from '../components/HintBar.js';
import {ScrollPanel} from '../components/ScrollPanel.js';
import {SafeText} from '../components/SafeText.js';
import {StatusLine, statusLines} from '../components/StatusLine.js';
import {isInterrupt, notPasting, splitKeys} from '../keys/split-keys.js';
import {EventScreen} from '../screens/EventScreen.js';
import {HelpOverlay} from '../screens/HelpOverlay.js';
import {PickerScreen} from '../screens/PickerScreen.js';
import {PromptOverlay, promptHeight} from '../screens/PromptOverlay.js';
import {StepScreen} from '../screens/StepScreen.js';
import {SummaryScreen} from '../screens/SummaryScreen.js';
import {TrackScreen} from '../screens/TrackScreen.js';
import {TimelineScreen} from '../screens/TimelineScreen.js';
import {peekState} from '../walkthrough/timeline-view.js';
import {ThemeContext, type Theme} from '../ui/theme.js';
import {useTerminalSize, type Size} from '../ui/use-terminal-size.js';
import {initialState} from '../walkthrough/reducer.js';
import {useJournaledReducer} from './use-journaled-reducer.js';
import {currentStep, stepsOf} from '../walkthrough/selectors.js';
import type {Candidate, State} from '../walkthrough/state.js';
import {trainingView} from '../walkthrough/training-view.js';
import {useConnection, useRunEffects} from './run-effects.js';
import {useSecondTick} from './use-second-tick.js';
import {useFeed} from './use-feed.js';
import {useRunbookCatalog} from './use-runbook-catalog.js';
import {builtInCatalog, pendingCatalog} from '../runbooks/catalog.js';
import {connectionLine} from '../aws/connection-status.js';
import {sectionNames} from '../runbooks/sections.js';
import type {Services} from './services.js';

export interface AppProps {
  readonly services: Services;
  readonly candidates: readonly Candidate[];
  /** What the picker lists, e.g. "Training scenarios" or "12 events in trail.json". */
  readonly source: string;
  readonly theme: Theme;
  /** Fixed terminal size (tests); by default the app follows the terminal and its resizes. */
  readonly size?: Size | undefined;
}

function title(state: State, source: string): string {
  switch (state.screen) {
    case 'picker':
      return state.feed?.title ?? source;
    case 'event':
      return 'Event';
    case 'track':
      return 'Choose a track';
    case 'step': {
      const step = currentStep(state);
      const track = state.progress?.track ?? '';
      const section = step ? `${sectionNames[step.procedure.kind].short} · ` : '';
      return `Step ${(state.progress?.index ?? 0) + 1} of ${stepsOf(state).length} · ${track === 'cli' ? 'CLI' : track === 'sdk' ? 'SDK' : 'Console'} · ${section}${step?.title ?? ''}`;
    }
    case 'summary':
      return 'Summary';
    case 'timeline':
      return `Actor's timeline · ${state.timeline?.actor?.label ?? 'no actor'}`;
    case 'timeline-event':
      return `Event from the timeline · ${state.timeline?.actor?.label ?? ''}`;
    default: {
      const never: never = state.screen;
      return never;
    }
  }
}

/** The mode, in a word, in front of a status message. */
const modeTag = {connected: 'AWS', sandbox: 'sandbox', checking: 'plan', offline: 'plan'} as const;


export function App({services, candidates, source, theme, size}: AppProps) {
  const [state, dispatch, dispatchAll] = useJournaledReducer(
    () => initialState(candidates, services.sandboxFor ? {kind: 'sandbox'} : services.connection ? {kind: 'checking'} : {kind: 'offline', reason: services.planReason ?? 'offline'}, services.findingsConfig, services.clock().getTime(), {isJournaled: services.journal !== undefined, allowExecute: services.allowExecute === true, runbookCatalog: services.runbooks.catalog ? pendingCatalog : builtInCatalog}),
    services.journal,
  );
  const terminal = useTerminalSize();
  const {columns, rows} = size ?? terminal;
  const {clock} = services;
  // Every key carries the time it was pressed: opening an event and reaching the summary record it.
  // Ink hands a chunk of typed text over as one input ("jjj"): each key in it acts, in order (src/keys/split-keys.ts).
  const split = useRef(notPasting);
  const {exit} = useApp();
  const onInput = useCallback((input: string, key: Key) => {
    const {state: next, keys} = splitKeys(split.current, input, key);
    split.current = next;
    const at = clock().getTime();
    // The keys of one chunk are one transition: one journal flush and one frame (only the last state is drawn).
    const interrupt = keys.findIndex(isInterrupt);
    const pressed = interrupt < 0 ? keys : keys.slice(0, interrupt);
    dispatchAll(pressed.map((press) => ({type: 'key', name: press.name, text: press.text, at})));
    if (interrupt >= 0) exit();
  }, [clock, dispatchAll, exit]);
  useInput(onInput);
  useRunEffects(state.requests, services, dispatch);
  useConnection(services, dispatch);
  useFeed(services.feed, dispatch);
  useRunbookCatalog(services.runbooks, dispatch);
  const onLimit = useCallback((max: number) => dispatch({type: 'scroll-limit', max}), [dispatch]);

  const now = clock();
  // Training in the sandbox: the objectives and the time, beside the step and the event when the terminal is wide enough, else one line on the step.
  const training = state.overlay === 'help' ? undefined : trainingView(state, now.getTime());
  const shownOn = training && (state.screen === 'step' || state.screen === 'event') ? state.screen : undefined;
  const panelWidth = shownOn ? objectivesPanelWidth(columns) : 0;
  useSecondTick(training?.isRunning === true && (panelWidth > 0 || shownOn === 'step'));

  const prompt = promptHeight(state);
  const status = statusLines(state.status ? `${modeTag[state.connection.kind]} · ${state.status}` : connectionLine(state.connection), columns);
  // Ink 6.8 clears the whole terminal on every frame once the output reaches the last row: stay one short.
  const bodyHeight = Math.max(3, rows - 1 - 2 - status.length - prompt);
  const screen = (() => {
    if (state.overlay === 'help') return <HelpOverlay state={state} />;
    switch (state.screen) {
      case 'picker':
        return <PickerScreen state={state} height={bodyHeight} width={columns} />;
      case 'event':
        return <EventScreen state={state} now={now} />;
      case 'track':
        return <TrackScreen state={state} />;
      case 'step':
        return <StepScreen state={state} training={panelWidth ? undefined : training} width={columns - panelWidth} />;
      case 'summary':
        return <SummaryScreen state={state} />;
      case 'timeline':
        return <TimelineScreen state={state} height={bodyHeight} width={columns} />;
      case 'timeline-event':
        return <EventScreen state={peekState(state)} now={now} />;
      default: {
        const never: never = state.screen;
        return never;
      }
    }
  })();
  const scrolled = (
    <ScrollPanel scroll={state.scroll} height={bodyHeight} onLimit={onLimit}>
      {screen}
    </ScrollPanel>
  );
  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={columns}>
        <Text bold color={theme.title} wrap="truncate-end">
          trailguide · <SafeText isSingleLine>{title(state, source)}</SafeText>
        </Text>
        {(state.screen === 'picker' && !state.overlay) || (state.screen === 'timeline' && state.overlay !== 'help') ? (
          <Box height={bodyHeight} flexDirection="column">
            {screen}
          </Box>
        ) : training && panelWidth ? (
          <Box height={bodyHeight} alignItems="flex-start">
            <Box flexDirection="column" width={columns - panelWidth}>
              {scrolled}
            </Box>
            <Box flexDirection="column" height={bodyHeight} overflow="hidden">
              <ObjectivesPanel training={training} width={panelWidth} />
            </Box>
          </Box>
        ) : (
          scrolled
        )}
        <PromptOverlay state={state} />
        <StatusLine lines={status} color={state.status ? theme.warn : theme.muted} />
        <HintBar state={state} width={columns} />
      </Box>
    </ThemeContext.Provider>
  );
}
