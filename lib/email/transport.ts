/**
 * How an outbox row leaves the building. Resend when `RESEND_API_KEY` is set (at
 * `RESEND_BASE_URL` when set, which tests point at a fake on 127.0.0.1); otherwise
 * nothing leaves: the worker marks rows 'captured' and admins read them in the outbox.
 */
import { Resend } from 'resend';
import { env } from '@/lib/env';

export type OutgoingEmail = { from: string; to: string; subject: string; html: string; text: string; idempotencyKey: string };

export type Transport = {
  /** 'capture' keeps emails in the outbox (status 'captured') instead of sending them. */
  readonly mode: 'send' | 'capture';
  send(email: OutgoingEmail): Promise<{ id: string }>;
};

/** A refused or failed send; `status` is the HTTP status, null when nothing answered. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | null,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Sends through Resend's API with the official SDK (it honours RESEND_BASE_URL). */
export function resendTransport(apiKey: string, options: { baseUrl?: string } = {}): Transport {
  const resend = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    mode: 'send',
    async send({ idempotencyKey, ...email }) {
      const { data, error, headers } = await resend.emails.send(
        { from: email.from, to: [email.to], subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey },
      );
      if (error) {
        const retryAfter = Number(headers?.['retry-after']);
        throw new TransportError(error.name, error.message, error.statusCode ?? null, retryAfter > 0 ? retryAfter * 1000 : undefined);
      }
      if (!data?.id) throw new TransportError('invalid_response', 'Resend answered without an email id', null);
      return { id: data.id };
    },
  };
}

/** Sends nothing: the worker marks rows 'captured', readable by admins in the outbox. */
export const capturedTransport: Transport = {
  mode: 'capture',
  async send() {
    throw new Error('capturedTransport does not send');
  },
};

/** Resend when RESEND_API_KEY is set, otherwise capture (a fresh install sends nothing). */
export function defaultTransport(): Transport {
  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  return RESEND_API_KEY ? resendTransport(RESEND_API_KEY, { baseUrl: RESEND_BASE_URL }) : capturedTransport;
}
