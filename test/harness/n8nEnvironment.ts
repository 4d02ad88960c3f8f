import * as os from 'node:os';
import * as path from 'node:path';

// n8n-core's InstanceSettings writes a config file with an encryption key into the user folder;
// keep it out of the developer's home. Must run before n8n-core is loaded.
process.env.N8N_USER_FOLDER ??= path.join(os.tmpdir(), 'n8n-sms-gateways-test');
process.env.N8N_LOG_LEVEL ??= 'silent';
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('reflect-metadata');
