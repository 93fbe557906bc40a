// A new frame every second while something on screen shows time going by (the training clock). It
// dispatches nothing: the app reads services.clock() as it renders. Stopped when inactive and on unmount.
import {useEffect, useState} from 'react';

export function useSecondTick(isActive: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!isActive) return undefined;
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    // Never the reason the process stays alive (Ink's stdin is).
    timer.unref();
    return () => clearInterval(timer);
  }, [isActive]);
}
