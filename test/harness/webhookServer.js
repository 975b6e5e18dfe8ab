// A small stand-in for n8n's webhook server, for the trigger's tests: a real HTTP server on
// 127.0.0.1 that parses bodies the way n8n 2.41 does (JSON parsed, with invalid JSON answered
// 422 before any node sees it; other types kept raw in req.rawBody) and hands an express-like
// request/response pair to `handle`, which runs the node through n8n-core's WebhookContext.
const http = require('node:http');

const BODY_LIMIT_BYTES = 16 * 1024 * 1024; // n8n's default N8N_PAYLOAD_SIZE_MAX

function expressLikeResponse(res) {
	return {
		statusCode: 200,
		headersSent: false,
		status(code) {
			this.statusCode = code;
			return this;
		},
		setHeader(name, value) {
			res.setHeader(name, value);
			return this;
		},
		json(body) {
			this.send(JSON.stringify(body), 'application/json; charset=utf-8');
		},
		send(text, contentType = 'text/plain; charset=utf-8') {
			if (!res.hasHeader('content-type')) res.setHeader('content-type', contentType);
			res.statusCode = this.statusCode;
			this.headersSent = true;
			res.end(text);
		},
		end() {
			res.statusCode = this.statusCode;
			this.headersSent = true;
			res.end();
		},
	};
}

function startWebhookServer(handle) {
	const server = http.createServer((req, res) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
		});
		req.on('end', async () => {
			if (size > BODY_LIMIT_BYTES) {
				res.statusCode = 413;
				return res.end('request entity too large');
			}
			const rawBody = Buffer.concat(chunks);
			let body = {};
			const contentType = String(req.headers['content-type'] || '');
			if (contentType.includes('json') && rawBody.length > 0) {
				try {
					body = JSON.parse(rawBody.toString('utf8'));
				} catch {
					res.statusCode = 422;
					return res.end('{"message":"Failed to parse request body"}');
				}
			} else if (contentType.startsWith('text/')) {
				body = rawBody.toString('utf8');
			}
			const request = {
				method: req.method,
				headers: req.headers,
				body,
				rawBody,
				query: {},
				params: {},
			};
			const response = expressLikeResponse(res);
			try {
				await handle(request, response);
			} catch (error) {
				if (!response.headersSent) {
					res.statusCode = 500;
					res.end(JSON.stringify({ message: String(error && error.message) }));
				}
			}
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				url: `http://127.0.0.1:${port}/webhook`,
				close: () =>
					new Promise((done) => {
						server.closeAllConnections();
						server.close(() => done());
					}),
			});
		});
	});
}

module.exports = { startWebhookServer };
