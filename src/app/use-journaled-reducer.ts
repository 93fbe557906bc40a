// The app's state, changed only by the reducer, with the journal written in between: each
// transition's lines are on disk (written whole and flushed) before React draws the new state,
// so whatever the screen has shown is recorded, even if the process is killed the next instant.
import {useCallback, useRef, useState, type Dispatch} from 'react';
import {reducer, type Message} from '../walkthrough/reducer.js';
import type {State} from '../walkthrough/state.js';
import type {JournalService} from './services.js';

/**
 * dispatchAll: several messages (the keys of one chunk of input) as one transition: one journal
 * write (one flush) and one frame for them all. Only their last state is ever drawn, so what the
 * journal holds is still exactly what the screen showed.
 */
export function useJournaledReducer(init: () => State, journal: JournalService | undefined): [State, Dispatch<Message>, (messages: readonly Message[]) => void] {
  const [state, setState] = useState(init);
  const current = useRef(state);
  const dispatchAll = useCallback(
    (messages: readonly Message[]) => {
      const before = current.current;
      const after = messages.reduce(reducer, before);
      if (after === before) return;
      journal?.record(before, after);
      current.current = after;
      setState(after);
    },
    [journal],
  );
  const dispatch = useCallback((message: Message) => dispatchAll([message]), [dispatchAll]);
  return [state, dispatch, dispatchAll];
}
