// The picker's list fills from a feed (triage's scan): a snapshot at most every feedEveryMs goes to
// the reducer, so a fast scan does not redraw the screen thousands of times. Stops the feed when
// the app goes away.
import {useEffect, type Dispatch} from 'react';
import type {Message} from '../walkthrough/reducer.js';
import type {CandidateFeed} from './services.js';

const feedEveryMs = 100;

export function useFeed(feed: CandidateFeed | undefined, dispatch: Dispatch<Message>): void {
  useEffect(() => {
    if (!feed) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const send = (): void => {
      timer = undefined;
      dispatch({type: 'feed', ...feed.snapshot()});
    };
    const unsubscribe = feed.subscribe(() => {
      timer ??= setTimeout(send, feedEveryMs);
    });
    send();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      feed.stop();
    };
  }, [feed, dispatch]);
}
