import type { IDataObject } from 'n8n-workflow';

/**
 * Which event ids a trigger has accepted: bounded to the newest `limit` ids.
 *
 * Workflow static data alone is not enough: n8n loads it per request, so two deliveries of the
 * same event arriving back to back would both see it unseen. The check-and-record therefore runs
 * on a per-process memory (synchronous, so atomic in Node.js), and static data carries the ids
 * across restarts.
 */
export class SeenEvents {
	private readonly ids = new Set<string>();

	constructor(private limit: number) {}

	/** Loads the ids saved before a restart; ids seen in this process stay. */
	restore(saved: unknown): void {
		if (!Array.isArray(saved)) return;
		for (const id of saved) if (typeof id === 'string') this.ids.add(id);
		this.trim();
	}

	/** Records the id; false when it was already there. */
	claim(id: string): boolean {
		if (this.ids.has(id)) return false;
		this.ids.add(id);
		this.trim();
		return true;
	}

	/** Forgets an id claimed for a delivery that was then not accepted. */
	release(id: string): void {
		this.ids.delete(id);
	}

	setLimit(limit: number): void {
		this.limit = limit;
		this.trim();
	}

	toJSON(): string[] {
		return [...this.ids];
	}

	private trim(): void {
		// A Set keeps insertion order: the first ids are the oldest.
		for (const id of this.ids) {
			if (this.ids.size <= this.limit) break;
			this.ids.delete(id);
		}
	}
}

const memories = new Map<string, SeenEvents>();

export const STATIC_DATA_KEY = 'acceptedEventIds';

/** The memory of one trigger node, restored from its static data on first use in this process. */
export function seenEventsFor(key: string, staticData: IDataObject, limit: number): SeenEvents {
	let memory = memories.get(key);
	if (!memory) {
		memory = new SeenEvents(limit);
		memory.restore(staticData[STATIC_DATA_KEY]);
		memories.set(key, memory);
	}
	memory.setLimit(limit);
	return memory;
}
