'use client';

import { useSyncExternalStore } from 'react';
import { formatBytes } from '@/lib/format';
import { checkAdditionalFile, type ChosenFileInfo, type EvidenceLimits } from '@/lib/storage/evidence-rules';

/**
 * Evidence that uploads as soon as it is chosen (loaded by evidence-input.tsx only when
 * a file is picked, so a first visit never downloads it). Each file goes to
 * /api/unggah by itself with XMLHttpRequest, which reports upload progress (fetch does
 * not); the server keeps it encrypted until the report names it in a hidden `upload`
 * field. Files the rules refuse never leave the browser, with the server's own words.
 *
 * One file at a time: on a thin line parallel uploads only share it (each would finish
 * later), and the first answer sets the cookie that binds the next uploads to this
 * browser; two first uploads at once would each get a different one.
 */

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'failed' | 'refused';

export type UploadItem = {
  key: number;
  name: string;
  size: number;
  status: UploadStatus;
  sent: number;
  message?: string;
  id?: string;
};

const NETWORK_FAILED = 'Koneksi terputus sebelum berkas terkirim. Periksa jaringan Anda, lalu coba lagi.';
const SERVER_FAILED = 'Server tidak dapat menerima berkas ini sekarang. Coba lagi beberapa saat lagi.';

/** The list of chosen files and their uploads; React reads it through `subscribe`/`snapshot`. */
export class UploadQueue {
  private items: UploadItem[] = [];
  private files = new Map<number, File>();
  private requests = new Map<number, XMLHttpRequest>();
  private listeners = new Set<() => void>();
  private nextKey = 1;

  constructor(
    private readonly limits: EvidenceLimits,
    private readonly endpoint = '/api/unggah',
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): UploadItem[] => this.items;

  /** Files being sent, or failed and waiting for a retry: the report must wait for them. */
  get unfinished(): { uploading: number; failed: number } {
    return {
      uploading: this.items.filter((i) => i.status === 'uploading' || i.status === 'queued').length,
      failed: this.items.filter((i) => i.status === 'failed').length,
    };
  }

  /** Files the report will carry (sent or on their way). */
  get kept(): number {
    return this.items.filter((i) => i.status !== 'refused').length;
  }

  add(files: File[]): void {
    for (const file of files) {
      const key = this.nextKey++;
      const kept: ChosenFileInfo[] = this.items.filter((i) => i.status !== 'refused').map((i) => ({ name: i.name, size: i.size }));
      const refusal = checkAdditionalFile(kept, { name: file.name, size: file.size }, this.limits);
      this.items = [...this.items, { key, name: file.name, size: file.size, status: refusal ? 'refused' : 'queued', sent: 0, message: refusal?.message }];
      if (!refusal) this.files.set(key, file);
    }
    this.emit();
    this.pump();
  }

  /** Stops a file on its way or waiting for its turn; it leaves the list. */
  cancel(key: number): void {
    const request = this.requests.get(key);
    if (request) request.abort();
    else this.drop(key);
  }

  retry(key: number): void {
    if (!this.files.has(key)) return;
    this.update(key, { status: 'queued', sent: 0, message: undefined });
    this.pump();
  }

  /** Starts the next waiting file when none is on its way. */
  private pump(): void {
    if (this.requests.size > 0) return;
    const next = this.items.find((i) => i.status === 'queued');
    if (next) this.send(next.key);
  }

  /** Takes a file back: a sent one is removed on the server too. */
  remove(key: number): void {
    const item = this.items.find((i) => i.key === key);
    if (!item) return;
    if (item.status === 'uploading' || item.status === 'queued') return this.cancel(key);
    if (item.id) {
      const request = new XMLHttpRequest();
      request.open('DELETE', `${this.endpoint}/${encodeURIComponent(item.id)}`);
      request.send();
    }
    this.drop(key);
  }

  private send(key: number): void {
    const file = this.files.get(key)!;
    const request = new XMLHttpRequest();
    this.requests.set(key, request);
    this.update(key, { status: 'uploading', sent: 0 });
    request.open('POST', this.endpoint);
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.upload.onprogress = (event) => this.update(key, { sent: event.loaded });
    request.onload = () => {
      this.requests.delete(key);
      const body = parse(request.responseText);
      if (request.status === 201 && typeof body.id === 'string') {
        this.update(key, { status: 'done', sent: file.size, id: body.id });
      } else {
        const message = typeof body.message === 'string' ? body.message : SERVER_FAILED;
        // A refusal of the file itself cannot be helped by sending it again; the rest can.
        const refused = request.status >= 400 && request.status < 500 && request.status !== 408 && request.status !== 429;
        this.update(key, { status: refused ? 'refused' : 'failed', message });
      }
      this.pump();
    };
    request.onerror = () => {
      this.requests.delete(key);
      this.update(key, { status: 'failed', message: NETWORK_FAILED });
      this.pump();
    };
    request.onabort = () => {
      this.requests.delete(key);
      this.drop(key);
      this.pump();
    };
    request.send(file);
  }

  private drop(key: number): void {
    this.files.delete(key);
    this.items = this.items.filter((i) => i.key !== key);
    this.emit();
  }

  private update(key: number, change: Partial<UploadItem>): void {
    this.items = this.items.map((i) => (i.key === key ? { ...i, ...change } : i));
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const STATUS_TEXT: Record<UploadStatus, string> = {
  queued: 'Menunggu giliran…',
  uploading: 'Mengunggah…',
  done: 'Terkirim',
  failed: 'Gagal terkirim',
  refused: 'Ditolak, tidak dikirim',
};

const SERVER_SNAPSHOT: UploadItem[] = [];

/** The chosen files with progress, size, and what can be done with each. */
export function UploadList({ queue }: { queue: UploadQueue }) {
  const items = useSyncExternalStore(queue.subscribe, queue.snapshot, () => SERVER_SNAPSHOT);
  if (items.length === 0) return null;
  const inFlight = items.some((i) => i.status === 'uploading' || i.status === 'queued');
  const button = 'rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-brand-800 hover:bg-slate-50';
  return (
    <div className="space-y-2">
      {inFlight ? (
        <p role="status" className="rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-900">
          Jangan tutup halaman ini: berkas sedang diunggah.
        </p>
      ) : null}
      <ul id="evidence-uploads" className="space-y-2" aria-label="Unggahan bukti">
        {items.map((item) => (
          <li key={item.key} className="space-y-1 rounded-md border border-slate-300 p-2 text-sm">
            <p className="break-all font-medium text-slate-900">
              {item.name} — {formatBytes(item.size)}
            </p>
            {item.status === 'uploading' ? (
              <progress
                className="h-2 w-full"
                max={item.size}
                value={item.sent}
                aria-label={`Unggahan ${item.name}`}
              />
            ) : null}
            <p aria-live="polite" className={item.status === 'done' ? 'text-green-800' : item.status === 'uploading' || item.status === 'queued' ? 'text-slate-700' : 'text-red-700'}>
              <span className="font-semibold">{STATUS_TEXT[item.status]}</span>
              {item.status === 'uploading' ? ` ${formatBytes(item.sent)} dari ${formatBytes(item.size)}` : null}
              {item.message ? <span className="block">{item.message}</span> : null}
            </p>
            <div className="flex flex-wrap gap-2">
              {item.status === 'failed' ? (
                <button type="button" className={button} aria-label={`Coba lagi ${item.name}`} onClick={() => queue.retry(item.key)}>
                  Coba lagi
                </button>
              ) : null}
              {item.status === 'uploading' || item.status === 'queued' ? (
                <button type="button" className={button} aria-label={`Batalkan ${item.name}`} onClick={() => queue.cancel(item.key)}>
                  Batalkan
                </button>
              ) : (
                <button type="button" className={button} aria-label={`Hapus ${item.name}`} onClick={() => queue.remove(item.key)}>
                  Hapus
                </button>
              )}
            </div>
            {item.status === 'done' && item.id ? <input type="hidden" name="upload" value={item.id} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
