// Runs before each test file. n8n-core's InstanceSettings keeps its key under the user folder:
// point it at a temporary folder so tests never touch ~/.n8n.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-juspay-test-'));
process.env.N8N_LOG_LEVEL = 'silent';
