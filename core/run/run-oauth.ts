// A run's token requests: sent through the run's own engine client like its requests (the
// same conversion), the answer read from a file in the run's work dir, removed after. No
// browser in a run: the code grant uses a cached token (core/oauth/oauth-tokens.ts).
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EngineClient } from '../../engine/client.js';
import { CommandFailure } from '../command-failure.js';
import type { TokenTransport } from '../oauth/oauth-tokens.js';
import { prepareBody } from '../request-body.js';
import { sendableDraft, toEngineRequest } from '../engine-request.js';
import { MAX_TOKEN_RESPONSE_BYTES } from '../oauth/token-response.js';


export function runTokenTransport(client: EngineClient, workDir: string): TokenTransport {
  return async (request) => {
    const id = crypto.randomUUID();
    const sink = path.join(workDir, `${id}.token`);
    const files = {
      pathFor: () => {
        throw new CommandFailure('BAD_REQUEST', 'a token request sends no file');
      },
      tempPath: () => path.join(workDir, `${id}.multipart`),
    };
    try {
      const draft = sendableDraft(request);
      const spec = toEngineRequest(draft, files, sink, await prepareBody(draft, files));
      const last = await client.send(id, spec, () => {});
      if (!last.ok || last.statusCode === undefined) throw new CommandFailure(last.error?.code ?? 'FAILED', `OAuth 2.0: the token request to ${draft.url} failed: ${last.error?.message ?? 'no response'}`);
      const size = (await fs.stat(sink).catch(() => undefined))?.size ?? 0;
      if (size > MAX_TOKEN_RESPONSE_BYTES) throw new CommandFailure('OAUTH_BAD_RESPONSE', `OAuth 2.0: the token endpoint's answer is larger than ${MAX_TOKEN_RESPONSE_BYTES} bytes`);
      return { status: last.statusCode, body: size > 0 ? await fs.readFile(sink, 'utf8') : '' };
    } finally {
      await fs.rm(sink, { force: true });
    }
  };
}
