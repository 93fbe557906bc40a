// Ink 6.8 has no useWindowSize: follow stdout's resize events ourselves.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

function sizeOf(stdout: NodeJS.WriteStream): Size {
  // ink-testing-library's stdout has 100 columns and no rows; a pipe has neither.
  return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

export function useTerminalSize(): Size {
  const {stdout} = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
