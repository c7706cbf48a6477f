// A request's authentication as the core performs it (RequestDraft.auth): a discriminated
// union on `kind`. Imports nothing of the app.
import { z } from 'zod';
import { OAuth2AuthSchema } from './oauth.js';

export const AuthDraftSchema = z.discriminatedUnion('kind', [OAuth2AuthSchema]);
export type AuthDraft = z.infer<typeof AuthDraftSchema>;
