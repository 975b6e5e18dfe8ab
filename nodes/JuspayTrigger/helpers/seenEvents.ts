import { createHash, randomBytes } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

/**
 * Which event ids a trigger has accepted, shared by every n8n process through workflow static
 * data, with a per-process memory for the check-and-record.
 *
 * Facts this is built on (n8n 2.41.1, and 1.x): static data is loaded from the database for
 * every delivery, in whichever process received it, and saved back whole (last writer wins).
 * So:
 * - each delivery first merges what it loaded into this process's memory (ids recorded by any
 *   process up to that save), then checks and records synchronously: no `await` between, so
 *   two deliveries in one process can never both claim an id;
 * - what is written back is the union of what was loaded and what this process knows, so a
 *   save never drops ids another process recorded (an id that process saves in the few
 *   milliseconds between our load and our save is written again by it on its next save,
 *   because it keeps it in its own memory).
 *
 * Representation, so that a delivery costs the same with 0 or 10,000 remembered ids:
 * - an id is stored as a fixed-width digest (8 base64url characters of its SHA-256, 48 bits),
 *   never the raw id: a new event is taken for one of 10,000 remembered ones with a chance of
 *   about 4e-11. Not wider, because n8n reads and writes the whole memory on every delivery, so
 *   its size is what a delivery costs (10,000 ids: 80 KB; format 1 had 12 characters, 120 KB);
 * - digests are packed into strings, in chunks of at most `limit / 40` digests, keyed by the
 *   time the chunk was opened. n8n walks and copies static data key by key for each delivery;
 *   about 41 short strings cost it nearly nothing, where 10,000 array entries cost it a lot;
 * - a chunk that another process did not change is recognised by string equality and not
 *   read again; only changed chunks (at most one or two per process) are indexed;
 * - the oldest whole chunks are dropped while the rest still hold `limit` ids, so the memory
 *   keeps at least the newest `limit` ids and at most one chunk more.
 */

export const STATIC_DATA_KEY = 'acceptedEvents';
/** Where version 0.1 of this node kept raw ids; read once and converted. */
const LEGACY_KEY = 'acceptedEventIds';
const FORMAT = 2;
const DIGEST_WIDTH = 8;
const CHUNKS_PER_MEMORY = 40;
const LEGACY_CHUNK = 'c00000000-legacy';

/** The digest stored for an event id. */
export function eventDigest(id: string): string {
	return createHash('sha256').update(id).digest('base64url').slice(0, DIGEST_WIDTH);
}

interface StoredMemory {
	format: number;
	chunks: Record<string, string>;
}

function storedChunks(saved: unknown): Record<string, unknown> {
	if (typeof saved !== 'object' || saved === null) return {};
	const memory = saved as Partial<StoredMemory>;
	if (memory.format !== FORMAT || typeof memory.chunks !== 'object' || memory.chunks === null)
		return {};
	return memory.chunks as Record<string, unknown>;
}

/** A chunk key: the opening time, so keys sort oldest first, and a random part per process. */
function newChunkKey(now: number): string {
	return `c${now.toString(36).padStart(9, '0')}-${randomBytes(3).toString('hex')}`;
}

export class SeenEvents {
	/** Chunk key → packed digests, as this process knows the chunk. */
	private readonly chunks = new Map<string, string>();
	/** Digest → key of the chunk that holds it. */
	private readonly index = new Map<string, string>();
	/** Stored chunk strings last merged, to skip unchanged ones. */
	private readonly merged = new Map<string, string>();
	private current: string | undefined;
	private lastOpened = 0;
	private chunkSize: number;

	constructor(
		private limit: number,
		private readonly clock: () => number = Date.now,
	) {
		this.chunkSize = SeenEvents.chunkSizeFor(limit);
	}

	static chunkSizeFor(limit: number): number {
		return Math.max(1, Math.ceil(limit / CHUNKS_PER_MEMORY));
	}

	get size(): number {
		return this.index.size;
	}

	setLimit(limit: number): void {
		if (limit === this.limit) return;
		this.limit = limit;
		this.chunkSize = SeenEvents.chunkSizeFor(limit);
		this.trim();
	}

	/**
	 * Merges the node's static data as loaded for this delivery: every id any process saved is
	 * then known here. Costs one string comparison per unchanged chunk.
	 */
	merge(staticData: IDataObject): void {
		const chunks = storedChunks(staticData[STATIC_DATA_KEY]);
		for (const key of Object.keys(chunks)) {
			const value = chunks[key];
			if (typeof value !== 'string' || this.merged.get(key) === value) continue;
			this.mergeChunk(key, value);
			this.merged.set(key, value);
		}
		const legacy = staticData[LEGACY_KEY];
		if (Array.isArray(legacy) && !this.merged.has(LEGACY_CHUNK)) {
			const digests = legacy.filter((id) => typeof id === 'string').map(eventDigest);
			this.mergeChunk(LEGACY_CHUNK, digests.join(''));
			this.merged.set(LEGACY_CHUNK, '');
		}
		// Forget what was merged from chunks no longer stored nor known (dropped everywhere).
		for (const key of this.merged.keys()) {
			if (!(key in chunks) && !this.chunks.has(key) && key !== LEGACY_CHUNK)
				this.merged.delete(key);
		}
		this.trim();
	}

	/** Records the id; false when it was already there. Synchronous, so atomic in a process. */
	claim(id: string): boolean {
		const digest = eventDigest(id);
		if (this.index.has(digest)) return false;
		let key = this.current;
		const chunk = key === undefined ? undefined : this.chunks.get(key);
		if (key === undefined || chunk === undefined || chunk.length >= this.chunkSize * DIGEST_WIDTH) {
			// Strictly increasing in this process, so a newer chunk never sorts before an older one.
			this.lastOpened = Math.max(this.clock(), this.lastOpened + 1);
			key = newChunkKey(this.lastOpened);
			this.current = key;
		}
		this.chunks.set(key, (this.chunks.get(key) ?? '') + digest);
		this.index.set(digest, key);
		this.trim();
		return true;
	}

	/** Forgets an id claimed for a delivery that was then not accepted. */
	release(id: string): void {
		const digest = eventDigest(id);
		const key = this.index.get(digest);
		if (key === undefined) return;
		this.index.delete(digest);
		const chunk = this.chunks.get(key) ?? '';
		for (let at = 0; at < chunk.length; at += DIGEST_WIDTH) {
			if (chunk.startsWith(digest, at)) {
				this.chunks.set(key, chunk.slice(0, at) + chunk.slice(at + DIGEST_WIDTH));
				break;
			}
		}
	}

	/** Writes the union into the node's static data, replacing the old representation. */
	save(staticData: IDataObject): void {
		const memory: StoredMemory = { format: FORMAT, chunks: Object.fromEntries(this.chunks) };
		staticData[STATIC_DATA_KEY] = memory as unknown as IDataObject;
		if (staticData[LEGACY_KEY] !== undefined) delete staticData[LEGACY_KEY];
	}

	private mergeChunk(key: string, value: string): void {
		let known = this.chunks.get(key) ?? '';
		for (let at = 0; at + DIGEST_WIDTH <= value.length; at += DIGEST_WIDTH) {
			const digest = value.slice(at, at + DIGEST_WIDTH);
			if (this.index.has(digest)) continue;
			this.index.set(digest, key);
			known += digest;
		}
		this.chunks.set(key, known);
	}

	private trim(): void {
		if (this.index.size <= this.limit) return;
		const oldestFirst = [...this.chunks.keys()].sort();
		let total = this.index.size;
		for (const key of oldestFirst) {
			const count = (this.chunks.get(key) ?? '').length / DIGEST_WIDTH;
			if (total - count < this.limit) break;
			this.dropChunk(key);
			total -= count;
		}
	}

	private dropChunk(key: string): void {
		const chunk = this.chunks.get(key) ?? '';
		for (let at = 0; at < chunk.length; at += DIGEST_WIDTH) {
			const digest = chunk.slice(at, at + DIGEST_WIDTH);
			if (this.index.get(digest) === key) this.index.delete(digest);
		}
		// `merged` keeps the stored string: a process that still saves this old chunk is not
		// merged again, and the entry goes once no save holds the chunk any more.
		this.chunks.delete(key);
		if (this.current === key) this.current = undefined;
	}
}

const memories = new Map<string, SeenEvents>();

/** The memory of one trigger node in this process. Merge the delivery's static data into it. */
export function seenEventsFor(key: string, limit: number): SeenEvents {
	let memory = memories.get(key);
	if (!memory) {
		memory = new SeenEvents(limit);
		memories.set(key, memory);
	}
	memory.setLimit(limit);
	return memory;
}

/**
 * Works around an n8n 2.41.1 bug (README, Known issues): after `webhook()` returns items,
 * `WorkflowRunner.establishContextForPersistence` builds a second `Workflow` on the same
 * static-data object, and `ObservableObject.create` resets its `__dataChanged` flag to false, so
 * the save in the webhook response callback skips every change once the stored value is not
 * empty. The next thing n8n does with the items is store the new execution (`flatted.stringify`
 * in `ExecutionPersistence.create`), after that reset and before the save: `toJSON` marks the
 * static data changed again there, by writing the memory once more. `toJSON` is not enumerable,
 * so the item's fields are unchanged; the stored item is the plain copy it returns. On n8n 1.x
 * (no second `Workflow`) the flag is already set and this changes nothing.
 */
export function saveAgainWhenStored(item: object, save: () => void): void {
	Object.defineProperty(item, 'toJSON', {
		value(this: object) {
			save();
			return { ...this };
		},
		enumerable: false,
		configurable: true,
		writable: true,
	});
}
