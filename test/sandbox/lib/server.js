'use strict';
/**
 * The HTTP server: loopback-only listen, clean stop (open sockets and pending delays included),
 * JSON replies, and a 400 instead of a dropped socket for malformed HTTP.
 */

const http = require('node:http');
const crypto = require('node:crypto');
const { ERRORS } = require('./errors.js');

/** Only loopback binds are allowed: the sandbox must never be reachable from the network. */
const LOOPBACK_HOSTS = Object.freeze(['127.0.0.1', 'localhost', '::1']);

function isLoopbackHost(hostname) {
	const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return LOOPBACK_HOSTS.includes(h);
}

function sendJson(res, status, body) {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		'x-request-id': crypto.randomUUID(),
	});
	res.end(text);
}

/**
 * @param {{ host: string, port: number, handle: (req, res) => Promise<void> }} options
 * @returns {{ start(): Promise<{url: string, port: number}>, stop(): Promise<void>,
 *   delay(ms: number): Promise<void>, url: string | undefined, port: number | undefined }}
 */
function createServer({ host, port, handle }) {
	if (!isLoopbackHost(host)) {
		throw new Error(`Juspay sandbox must listen on loopback only, not ${host}`);
	}
	const sockets = new Set();
	const timers = new Set();
	let server = null;
	let stopping = null;

	const self = { url: undefined, port: undefined, start, stop, delay };

	async function start() {
		if (server) return { url: self.url, port: self.port };
		server = http.createServer((req, res) => {
			handle(req, res).catch((err) => {
				// Last resort: never crash the process on a handler bug.
				process.stderr.write(`[juspay-sandbox] internal error: ${err && err.stack}\n`);
				if (!res.headersSent) sendJson(res, 500, ERRORS.internal());
				else res.destroy();
			});
		});
		server.on('connection', (socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		// Malformed HTTP (bad request line, oversized headers): answer 400 instead of dropping.
		server.on('clientError', (err, socket) => {
			if (socket.writable && !socket.destroyed) {
				const body = JSON.stringify(ERRORS.malformed('invalid HTTP request'));
				socket.end(
					`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
				);
			} else socket.destroy();
		});
		await new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
		const address = server.address();
		const hostForUrl = host.includes(':') ? `[${host}]` : host;
		self.port = address.port;
		self.url = `http://${hostForUrl}:${address.port}`;
		stopping = null;
		return { url: self.url, port: self.port };
	}

	async function stop() {
		if (!server) return;
		if (stopping) return stopping;
		const s = server;
		stopping = new Promise((resolve) => {
			for (const t of timers) clearTimeout(t);
			timers.clear();
			s.close(() => resolve());
			for (const socket of sockets) socket.destroy();
			sockets.clear();
		}).then(() => {
			server = null;
		});
		return stopping;
	}

	/** A delay that stop() cancels, so a slow injected fault never keeps the process alive. */
	function delay(ms) {
		if (!ms) return Promise.resolve();
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, ms);
			timers.add(t);
		});
	}

	return self;
}

module.exports = { createServer, sendJson, isLoopbackHost };
