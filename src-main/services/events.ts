// Typed events from main to every connected client (Electron windows, browser-mode sockets).
import type { ApiEvent, ApiEventPayload } from '../../src-shared/ipc/contract';

/** Receives every event; transports subscribe one of these. */
export type EventSink = <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>) => void;

/** A fan-out of API events to the transports' sinks. */
export class EventBus {
  readonly #sinks = new Set<EventSink>();

  /** Sends an event to every sink; a failing sink does not stop the others. */
  emit<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void {
    for (const sink of this.#sinks) {
      try {
        sink(event, payload);
      } catch (e) {
        console.error(`[trackwright] event sink failed on ${event}:`, e);
      }
    }
  }

  /** Adds a sink; returns its removal. */
  subscribe(sink: EventSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }
}
