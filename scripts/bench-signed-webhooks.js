#!/usr/bin/env node
// node scripts/bench-signed-webhooks.js [--deliveries 500 --rounds 5]
// What a signed (JWT) webhook costs the Juspay Trigger before its event is read: reading the
// credential's key sets (cached after the first delivery) and opening the delivery (RSA-OAEP
// unwrap, AES-256-GCM, RS256 verify), for valid deliveries and for forged ones (altered
// ciphertext: refused after the RSA unwrap). Keys are RSA-2048, generated here. Prints the median
// time per delivery over the rounds.
require('./lib/register-ts');

const {
	keySetsFrom,
	openSignedWebhook,
} = require('../nodes/JuspayTrigger/helpers/signedWebhook.ts');
const { generateKeySet, signedWebhook, tamperJwt } = require('../test/harness/juspayJwt');

function argument(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const DELIVERIES = argument('deliveries', 500);
const ROUNDS = argument('rounds', 5);

const current = generateKeySet('key_bench_current');
const previous = generateKeySet('key_bench_previous');
const inputs = [current, previous].map((set, index) => ({
	fieldPrefix: index === 0 ? '' : 'Previous ',
	kid: set.kid,
	juspayPublicKey: set.juspay.publicKey,
	merchantPrivateKey: set.merchant.privateKey,
}));
const event = {
	id: 'evt_V2_bench',
	event_name: 'ORDER_SUCCEEDED',
	date_created: '2026-11-22T10:00:00Z',
	content: { order: { order_id: 'ordBench', status: 'CHARGED', amount: 42, amount_refunded: 0 } },
};
const valid = Array.from({ length: DELIVERIES }, () => signedWebhook(event, current).JWT);
const forged = valid.map((jwt) => tamperJwt(jwt, 3));

function perDelivery(bodies, expectVerified) {
	const started = process.hrtime.bigint();
	for (const jwt of bodies) {
		const keys = keySetsFrom(inputs);
		if ('problem' in keys) throw new Error(keys.problem);
		if (openSignedWebhook(jwt, keys.keySets).verified !== expectVerified) {
			throw new Error('unexpected result');
		}
	}
	return Number(process.hrtime.bigint() - started) / 1e6 / bodies.length;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

perDelivery(valid.slice(0, 20), true); // warm-up: parses and caches the keys
const results = { valid: [], forged: [] };
for (let round = 0; round < ROUNDS; round++) {
	results.valid.push(perDelivery(valid, true));
	results.forged.push(perDelivery(forged, false));
}
console.log(
	`signed webhooks, ${DELIVERIES} deliveries x ${ROUNDS} rounds, RSA-2048, median per delivery:`,
);
console.log(`  valid (decrypted and verified): ${median(results.valid).toFixed(3)} ms`);
console.log(`  forged (altered ciphertext, refused): ${median(results.forged).toFixed(3)} ms`);
