import { describe, expect, it } from 'vitest';
import { fakeLive } from '../test/fakeLive';
import { defaultBackoff, startLiveFeed, type LiveStatus } from './liveFeed';

interface Data {
  candidateAdded: { eventId: string };
}

/** A feed whose retries wait for the test to run them, recording each delay asked for. */
function feed(after: string | null = null) {
  const live = fakeLive();
  const events: string[] = [];
  const statuses: [LiveStatus, string | undefined][] = [];
  const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const handle = startLiveFeed<Data, Data['candidateAdded']>({
    transport: live.transport,
    query: 'subscription { candidateAdded { eventId } }',
    variables: { openingId: '7' },
    after,
    event: (d) => d.candidateAdded,
    eventId: (e) => e.eventId,
    onEvent: (e) => events.push(e.eventId),
    onStatus: (s, detail) => statuses.push([s, detail]),
    schedule: (run, ms) => {
      const timer = { ms, run, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const event = (id: string) => live.next({ data: { candidateAdded: { eventId: id } } });
  const runTimers = () => timers.splice(0).forEach((t) => !t.cancelled && t.run());
  return { live, events, statuses, timers, handle, event, runTimers };
}

describe('startLiveFeed', () => {
  it('subscribes with the given after and passes events on in order', () => {
    const f = feed('40');
    expect(f.live.subscriptions[0]!.variables).toEqual({ openingId: '7', after: '40' });
    f.live.connect();
    f.event('41');
    f.event('42');
    expect(f.events).toEqual(['41', '42']);
    expect(f.handle.lastEventId()).toBe('42');
    expect(f.statuses.map(([s]) => s)).toEqual(['connecting', 'live']);
  });

  it('after a drop waits, then resubscribes with after = the last event id', () => {
    const f = feed();
    f.event('7');
    f.live.drop();
    expect(f.statuses.at(-1)).toEqual(['reconnecting', undefined]);
    expect(f.live.subscriptions).toHaveLength(1);
    expect(f.timers.map((t) => t.ms)).toEqual([1000]);
    f.runTimers();
    expect(f.live.subscriptions).toHaveLength(2);
    expect(f.live.subscriptions[1]!.variables).toEqual({ openingId: '7', after: '7' });
  });

  it('waits longer after each failure in a row, and starts over once an event arrives', () => {
    const f = feed();
    f.live.drop();
    f.runTimers();
    f.live.drop();
    f.runTimers();
    f.live.drop();
    expect(f.timers.map((t) => t.ms)).toEqual([4000]);
    f.runTimers();
    f.event('9');
    f.live.drop();
    expect(f.timers.map((t) => t.ms)).toEqual([1000]);
    expect(defaultBackoff(10)).toBe(30_000);
  });

  it('skips an event a replay repeats', () => {
    const f = feed();
    f.event('1');
    f.event('2');
    f.live.drop();
    f.runTimers();
    f.event('2');
    f.event('3');
    expect(f.events).toEqual(['1', '2', '3']);
  });

  it('resumes at once after the event a SLOW_SUBSCRIBER error names', () => {
    const f = feed();
    f.event('10');
    f.live.fail([
      { message: 'fell behind', extensions: { code: 'SLOW_SUBSCRIBER', resumeAfter: '12' } },
    ]);
    expect(f.timers).toHaveLength(0);
    expect(f.live.subscriptions).toHaveLength(2);
    expect(f.live.subscriptions[1]!.variables.after).toBe('12');
    expect(f.live.subscriptions[0]!.closed).toBe(true);
  });

  it('gives up for good when the role may not subscribe', () => {
    const f = feed();
    f.live.fail([{ message: 'viewer may not subscribe', extensions: { code: 'FORBIDDEN' } }]);
    expect(f.statuses.at(-1)).toEqual(['forbidden', 'viewer may not subscribe']);
    expect(f.timers).toHaveLength(0);
    expect(f.live.subscriptions).toHaveLength(1);
  });

  it('resubscribes when the server ends the stream without an error', () => {
    const f = feed();
    f.event('5');
    f.live.subscriptions[0]!.sink.complete();
    f.runTimers();
    expect(f.live.subscriptions[1]!.variables.after).toBe('5');
  });

  it('does nothing more once stopped, not even a pending retry', () => {
    const f = feed();
    f.live.drop();
    f.handle.stop();
    f.runTimers();
    expect(f.live.subscriptions).toHaveLength(1);
  });
});
