// Users' runbooks (--runbooks) are read after the first frame; once they are, the reducer learns which
// events they answer, so the picker marks those events and opening one loads its runbook. A bad file
// is not handled here: the interactive view's caller stops the app with its error (exit 3).
import {useEffect, type Dispatch} from 'react';
import type {Message} from '../walkthrough/reducer.js';
import type {RunbookSource} from './services.js';

export function useRunbookCatalog(runbooks: RunbookSource, dispatch: Dispatch<Message>): void {
  useEffect(() => {
    const listing = runbooks.catalog?.();
    if (!listing) return undefined;
    let isMounted = true;
    listing.then(
      (catalog) => {
        if (isMounted) dispatch({type: 'runbooks-listed', catalog});
      },
      () => undefined,
    );
    return () => {
      isMounted = false;
    };
  }, [runbooks, dispatch]);
}
