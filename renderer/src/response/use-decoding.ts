// A finished response's decoded-body facts (describeBody) and which view the user picked:
// decoded by default when there is a decoded body, the wire bytes otherwise.
import { useEffect, useState } from 'react';
import type { CommandOutput } from '../../../contract/api.js';
import { describeError } from '../platform/index.js';
import { usePlatform } from '../platform/platform-context.js';

export type BodyChoice = 'wire' | 'decoded';

export interface Decoding {
  info?: CommandOutput<'describeBody'>;
  view: BodyChoice;
  setView(v: BodyChoice): void;
}

export function useDecoding(id: string, finished: boolean): Decoding {
  const platform = usePlatform();
  const [info, setInfo] = useState<CommandOutput<'describeBody'> | undefined>(undefined);
  const [picked, setView] = useState<BodyChoice | undefined>(undefined);
  useEffect(() => {
    setInfo(undefined);
    setView(undefined);
    if (!finished) return;
    let live = true;
    platform.call('describeBody', { id }).then(
      (d) => live && setInfo(d),
      (e: unknown) => live && setInfo({ wireBytes: 0, decodeError: describeError(e) }),
    );
    return () => {
      live = false;
    };
  }, [id, finished, platform]);
  const view = picked ?? (info?.decodedBytes !== undefined ? 'decoded' : 'wire');
  return { info, view, setView };
}
