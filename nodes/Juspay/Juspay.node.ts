import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { customerDescription } from './resources/customer';
import { mandateDescription } from './resources/mandate';
import { orderDescription } from './resources/order';
import { paymentLinkDescription } from './resources/paymentLink';

export class Juspay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Juspay',
		name: 'juspay',
		icon: { light: 'file:../../icons/juspay.svg', dark: 'file:../../icons/juspay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create and sync customers, create orders and payment links (payable), check order status, verify return URLs, refund (moves money), and manage and charge mandates with Juspay',
		defaults: { name: 'Juspay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'juspayApi', required: true }],
		// The credential adds base URL and auth; each operation's preSend adds path, headers and
		// body, and its postReceive maps Juspay's errors (hence no throwing on HTTP status here).
		requestDefaults: { ignoreHttpStatusErrors: true },
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Customer', value: 'customer' },
					{ name: 'Mandate', value: 'mandate' },
					{ name: 'Order', value: 'order' },
					{ name: 'Payment Link', value: 'paymentLink' },
				],
				default: 'order',
			},
			...customerDescription,
			...orderDescription,
			...paymentLinkDescription,
			...mandateDescription,
		],
	};
}
