// The app's state, changed only by the reducer, with the journal written in between: each
// transition's lines are on disk (written whole and flushed) before React draws the new state,
// so whatever the screen has shown is recorded, even if the process is killed the next instant.
import {useCallback, useRef, useState, type Dispatch} from 'react';
import {reducer, type Message} from '../walkthrough/reducer.js';
import type {State} from '../walkthrough/state.js';
import type {JournalService} from './services.js';

export function useJournaledReducer(init: () => State, journal: JournalService | undefined): [State, Dispatch<Message>] {
  const [state, setState] = useState(init);
  const current = useRef(state);
  const dispatch = useCallback(
    (message: Message) => {
      const before = current.current;
      const after = reducer(before, message);
      if (after === before) return;
      journal?.record(before, after);
      current.current = after;
      setState(after);
    },
    [journal],
  );
  return [state, dispatch];
}
