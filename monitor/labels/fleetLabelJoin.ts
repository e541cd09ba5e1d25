import type { Journal } from "../state/journal.js";
import type { FleetLabelStore } from "./fleetLabelStore.js";
import type { JoinedEventRow, LabelJoin, RemoteJoin } from "./labelJoin.js";
import type { LabelValue } from "./parseLabels.js";

/**
 * Fleet mode's label join: a label may reach another member than its event. Each member's LabelJoin keeps what waits
 * here (journaled, in the snapshot) but joins nothing itself; each round this pushes the newly waiting sides to Redis,
 * where a script joins each pair exactly once fleet-wide, and reads the inbox of sides another member joined. What
 * concerns this member goes into the journal as one `x` record and is applied from there (the event's member emits
 * the row, in its own window), so a kill -9 between Redis and the journal only means the sides are pushed again after
 * the restart, and Redis gives the same answer. An event's side carries its row, so that an event dropped here after
 * it was pushed (max_pending, max_delay) and then joined in Redis still gives its row: the pair comes back with it.
 */
export class FleetLabelJoin {
  constructor(
    private readonly o: {
      join: LabelJoin;
      store: FleetLabelStore;
      journal: Journal;
      member: string;
      now(): number;
      /** Applies a durable `x` record's joins (DriftMonitor.applyJoins) and sets the applied offset. */
      apply(joins: RemoteJoin[], t: number, end: number): void;
    },
  ) {
    o.join.fleet = true;
  }

  private busy: Promise<void> | null = null;
  /** The store's connection count when everything waiting was last pushed in full. */
  private pushedOn = -1;
  /**
   * Inbox ids taken from Redis (gone from there) whose pairs are not journaled yet: read again next round. A push of
   * the sides would not do for an event dropped here after its push, which no longer waits and is not pushed again.
   */
  private unread: string[] = [];

  /** One round (rounds run one at a time): push, read the inbox, journal and apply what joined. */
  round(): Promise<void> {
    this.busy ??= this.pushAndCollect().finally(() => (this.busy = null));
    return this.busy;
  }

  /** Waits for a round in flight, then closes the Redis connection. */
  async close(): Promise<void> {
    await this.busy?.catch(() => undefined);
    await this.o.store.close();
  }

  private async pushAndCollect(): Promise<void> {
    const { join, store, member } = this.o;
    await store.connect();
    // A new connection (the first, or Redis came back and may have lost its keys): push all that waits again.
    if (store.connections !== this.pushedOn) {
      this.pushedOn = store.connections;
      join.queueAllWaiting();
    }
    const queue = join.takePushQueue();
    const joins: RemoteJoin[] = [];
    let failed: unknown = null;
    let k = 0;
    // Ids read again from an earlier round first; then those Redis hands over now.
    const inbox: string[] = this.unread;
    this.unread = [];
    const fromInbox: string[] = [];
    try {
      for (; k < queue.length; k++) {
        const [side, id] = queue[k]!;
        if (!join.isWaiting(side, id)) continue;
        const label = side === "label" ? JSON.stringify(join.waitingLabel(id)!) : undefined;
        const row = side === "event" ? JSON.stringify(join.waitingEventRow(id)!) : undefined;
        const r = await store.push(side, id, {
          member,
          ...(label !== undefined ? { label } : {}),
          ...(row !== undefined ? { row } : {}),
        });
        if (r.state !== "joined") continue;
        // Joined before with another member's side of this id: this one is a repeat of the id.
        const mine = side === "event" ? r.eventMember === member : r.labelMember === member;
        if (!r.fresh && !mine) joins.push({ id, side, duplicate: true });
        else if (side === "event") joins.push({ id, side, label: JSON.parse(r.label) as LabelValue });
        else {
          joins.push({ id, side });
          // The label took this member's own event (waiting here, or dropped here after it was pushed).
          if (r.eventMember === member) joins.push(eventJoin(id, r.label, r.event));
        }
      }
      inbox.push(...(await store.inbox(member)));
      for (; inbox.length > 0; inbox.shift()) {
        const id = inbox[0]!;
        const pair = await store.joinedPair(id);
        if (pair === null) continue;
        fromInbox.push(id);
        // The event's side applies even when the event no longer waits here: LabelJoin.remoteJoined emits its row
        // from the pair then, unless this member joined the id already.
        if (pair.eventMember === member) joins.push(eventJoin(id, pair.label, pair.event));
        if (join.isWaiting("label", id)) joins.push({ id, side: "label" });
      }
    } catch (e) {
      // Redis is down: what was not pushed yet, and the inbox ids not read yet, wait for the next round.
      failed = e;
      join.requeue(queue.slice(k));
      this.unread = inbox;
    }
    if (joins.length > 0) {
      const t = this.o.now();
      try {
        await this.o.journal.appendJoins(t, Buffer.from(JSON.stringify(joins)), (end) => this.o.apply(joins, t, end));
      } catch (e) {
        // Not journaled (the journal is unavailable): these sides are pushed again next round, and the inbox ids
        // read again; Redis answers the same.
        join.requeue(joins.map((j) => [j.side, j.id]));
        this.unread.push(...fromInbox);
        failed ??= e;
      }
    }
    if (failed) throw failed;
  }
}

function eventJoin(id: string, label: string, event: string | undefined): RemoteJoin {
  return {
    id,
    side: "event",
    label: JSON.parse(label) as LabelValue,
    ...(event !== undefined ? { event: JSON.parse(event) as JoinedEventRow } : {}),
  };
}
