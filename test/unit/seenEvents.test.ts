import type { IDataObject } from 'n8n-workflow';

import {
	eventDigest,
	SeenEvents,
	STATIC_DATA_KEY,
} from '../../nodes/JuspayTrigger/helpers/seenEvents';

/** What n8n would store and load again: a JSON round trip. */
const stored = (memory: SeenEvents): IDataObject => {
	const data: IDataObject = {};
	memory.save(data);
	return JSON.parse(JSON.stringify(data)) as IDataObject;
};

describe('SeenEvents', () => {
	it('claims an id once, and again after it was released', () => {
		const memory = new SeenEvents(10);
		expect(memory.claim('evt_1')).toBe(true);
		expect(memory.claim('evt_1')).toBe(false);
		memory.release('evt_1');
		expect(memory.claim('evt_1')).toBe(true);
	});

	it('stores fixed-width digests in strings, never raw ids', () => {
		const memory = new SeenEvents(10);
		memory.claim('evt_secretish_1');
		const text = JSON.stringify(stored(memory));
		expect(text).not.toContain('evt_secretish_1');
		expect(text).toContain(eventDigest('evt_secretish_1'));
		expect(eventDigest('evt_secretish_1')).toMatch(/^[A-Za-z0-9_-]{8}$/);
	});

	it('knows after a merge what another process saved, and saves the union', () => {
		const a = new SeenEvents(100);
		const b = new SeenEvents(100);
		a.claim('evt_a');
		b.merge(stored(a));
		expect(b.claim('evt_a')).toBe(false);
		b.claim('evt_b');
		const union = stored(b);
		const fresh = new SeenEvents(100);
		fresh.merge(union);
		expect(fresh.claim('evt_a')).toBe(false);
		expect(fresh.claim('evt_b')).toBe(false);
	});

	it('a save from a stale load does not lose ids: the other process writes them again', () => {
		const a = new SeenEvents(100);
		const b = new SeenEvents(100);
		const before = stored(a); // both load the same (empty) data
		a.merge(before);
		b.merge(before);
		a.claim('evt_a');
		const afterA = stored(a);
		b.claim('evt_b');
		const afterB = stored(b); // last writer: holds evt_b only
		a.merge(afterB);
		a.claim('evt_c');
		const fresh = new SeenEvents(100);
		fresh.merge(stored(a));
		for (const id of ['evt_a', 'evt_b', 'evt_c']) expect(fresh.claim(id)).toBe(false);
		expect(afterA).not.toEqual(afterB);
	});

	it('keeps at least the newest `limit` ids and at most one chunk more', () => {
		const memory = new SeenEvents(100);
		for (let n = 0; n < 1000; n++) memory.claim(`evt_${n}`);
		expect(memory.size).toBeGreaterThanOrEqual(100);
		expect(memory.size).toBeLessThanOrEqual(100 + SeenEvents.chunkSizeFor(100));
		for (let n = 900; n < 1000; n++) expect(memory.claim(`evt_${n}`)).toBe(false);
		expect(memory.claim('evt_0')).toBe(true);
	});

	it('with a memory of 2, forgets the third-newest id', () => {
		const memory = new SeenEvents(2, () => 1000);
		for (const id of ['evt_a', 'evt_b', 'evt_c']) memory.claim(id);
		expect(memory.claim('evt_a')).toBe(true);
		expect(memory.claim('evt_c')).toBe(false);
	});

	it('stores 10,000 ids in about 41 strings', () => {
		const memory = new SeenEvents(10000);
		for (let n = 0; n < 10000; n++) memory.claim(`evt_${n}`);
		const chunks = (stored(memory)[STATIC_DATA_KEY] as { chunks: Record<string, string> }).chunks;
		expect(Object.keys(chunks).length).toBeLessThanOrEqual(41);
		expect(Object.values(chunks).every((chunk) => chunk.length <= 250 * 12)).toBe(true);
	});

	it('reads the ids version 0.1 stored as an array, then stores only the new form', () => {
		const memory = new SeenEvents(100);
		const data: IDataObject = { acceptedEventIds: ['evt_old_1', 'evt_old_2'] };
		memory.merge(data);
		expect(memory.claim('evt_old_1')).toBe(false);
		memory.save(data);
		expect(data.acceptedEventIds).toBeUndefined();
		const fresh = new SeenEvents(100);
		fresh.merge(JSON.parse(JSON.stringify(data)) as IDataObject);
		expect(fresh.claim('evt_old_2')).toBe(false);
	});

	it('ignores static data it does not recognise', () => {
		const memory = new SeenEvents(100);
		memory.merge({ [STATIC_DATA_KEY]: 'nonsense' });
		memory.merge({ [STATIC_DATA_KEY]: { format: 99, chunks: { x: 'aaaaaaaaaaaa' } } });
		memory.merge({ [STATIC_DATA_KEY]: { format: 2, chunks: { x: 42 } } } as never);
		expect(memory.size).toBe(0);
	});
});
