import { JuspayApi } from '../../credentials/JuspayApi.credentials';
import { KEY_SET_FIELDS } from '../../nodes/JuspayTrigger/helpers/signedDelivery';

const properties = new JuspayApi().properties;
const property = (name: string) => properties.find((p) => p.name === name);

describe('credential fields for signed webhooks', () => {
	const names = KEY_SET_FIELDS.flatMap((set) => [
		set.kid,
		set.juspayPublicKey,
		set.merchantPrivateKey,
	]);

	it('exist for every key set the trigger reads, optional and empty by default', () => {
		for (const name of names) {
			expect(property(name)).toMatchObject({ type: 'string', default: '' });
			expect(property(name)?.required).toBeUndefined();
		}
	});

	it('hide the merchant private keys as passwords, and only them', () => {
		for (const set of KEY_SET_FIELDS) {
			expect(property(set.merchantPrivateKey)?.typeOptions?.password).toBe(true);
			expect(property(set.juspayPublicKey)?.typeOptions?.password).toBeUndefined();
		}
	});

	it('are named as the trigger names them in its messages', () => {
		expect(names.map((name) => property(name)?.displayName)).toEqual([
			'Key ID',
			'Juspay Public Key',
			'Merchant Private Key',
			'Previous Key ID',
			'Previous Juspay Public Key',
			'Previous Merchant Private Key',
		]);
	});
});
