// The n8n 2.41.1 bug behind README "Known issues", reduced to n8n-workflow alone: the steps
// live-webhooks.ts and workflow-runner.ts take for one webhook delivery that starts a run.
import { Workflow, type IDataObject, type INode, type INodeTypes } from 'n8n-workflow';

import { saveAgainWhenStored } from '../../nodes/JuspayTrigger/helpers/seenEvents';

const node: INode = {
	id: 'n1',
	name: 'Trigger',
	type: 'test.trigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const nodeTypes = {
	getByName: () => undefined,
	getByNameAndVersion: () => undefined,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;
const workflowOn = (staticData: IDataObject | undefined) =>
	new Workflow({ id: 'w1', nodes: [node], connections: {}, active: true, nodeTypes, staticData });

/** One delivery; returns what saveStaticData would write, or undefined when it skips. */
function deliver(stored: string | null, change: (data: IDataObject, items: object[]) => void) {
	// live-webhooks: workflowData.staticData from the database (null before the first save)
	const loaded = stored === null ? undefined : (JSON.parse(stored) as IDataObject);
	const workflow = workflowOn(loaded);
	const items = [{ json: { id: 'evt' } }];
	change(workflow.getStaticData('node', node), items); // the node's webhook()
	workflowOn(loaded); // WorkflowRunner.establishContextForPersistence, same object
	JSON.stringify(items); // ActiveExecutions.add stores the execution
	// response callback: WorkflowStaticDataService.saveStaticData
	return workflow.staticData.__dataChanged === true
		? JSON.stringify(workflow.staticData)
		: undefined;
}

describe('n8n 2.41.1: webhook static data is saved only while the stored value is empty', () => {
	it('saves the first change, made while nothing was stored', () => {
		const saved = deliver(null, (data) => (data.ids = ['a']));
		expect(JSON.parse(saved as string)).toEqual({ 'node:Trigger': { ids: ['a'] } });
	});

	it.each([
		['replacing a value', (data: IDataObject) => (data.ids = ['a', 'b'])],
		['adding a key', (data: IDataObject) => (data.other = 1)],
		['deleting a key', (data: IDataObject) => delete data.ids],
		['mutating a nested array', (data: IDataObject) => (data.ids as string[]).push('b')],
	])('skips every later change (%s): the second Workflow resets __dataChanged', (_, change) => {
		expect(deliver('{"node:Trigger":{"ids":["a"]}}', change)).toBeUndefined();
	});

	it('the same change is saved when no run starts (no second Workflow)', () => {
		const loaded = JSON.parse('{"node:Trigger":{"ids":["a"]}}') as IDataObject;
		const workflow = workflowOn(loaded);
		workflow.getStaticData('node', node).ids = ['a', 'b'];
		expect(workflow.staticData.__dataChanged).toBe(true);
	});

	it("the trigger's workaround: writing again when n8n stores the items is saved", () => {
		const saved = deliver('{"node:Trigger":{"ids":["a"]}}', (data, items) => {
			data.ids = ['a', 'b'];
			saveAgainWhenStored(items[0], () => (data.ids = ['a', 'b']));
		});
		expect(JSON.parse(saved as string)).toEqual({ 'node:Trigger': { ids: ['a', 'b'] } });
	});

	it('the workaround leaves the item as it was: no new field, a plain stored copy', () => {
		const item = { json: { id: 'evt' } };
		saveAgainWhenStored(item, () => undefined);
		expect(Object.keys(item)).toEqual(['json']);
		expect(JSON.parse(JSON.stringify(item))).toEqual({ json: { id: 'evt' } });
	});
});
