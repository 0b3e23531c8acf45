/**
 * Environment for an isolated n8n: its own user folder and key, no telemetry, no version checks,
 * no license renewal, no templates or banners (nothing reaches the internet), every listener on
 * 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { node24Env, type Node24 } from './node24';

export interface N8nEnvOptions {
	/** N8N_USER_FOLDER: n8n keeps `.n8n/` (database, config, nodes/) inside it. */
	userFolder: string;
	encryptionKey?: string;
	/** Editor / REST port (only `n8n start` listens on it). */
	port?: number;
	/** Task-runner broker port; every n8n process (also `execute`) opens one. */
	brokerPort?: number;
	/** Folder the Read/Write Files from Disk node may touch. */
	filesDir?: string;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	extra?: Record<string, string>;
}

/** Variables from the caller's environment that would leak into the isolated n8n. */
function withoutN8nVariables(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(base)) {
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|NODES_|WEBHOOK_URL$|JEST_)/.test(key)) continue;
		// Jest sets NODE_ENV=test, which makes n8n use a throw-away database and a silent logger.
		if (key === 'NODE_ENV') continue;
		env[key] = value;
	}
	return env;
}

export function newEncryptionKey(): string {
	return randomBytes(24).toString('base64url');
}

export function n8nEnv(node24: Node24, options: N8nEnvOptions): NodeJS.ProcessEnv {
	const env = node24Env(node24, withoutN8nVariables(process.env));
	Object.assign(env, {
		N8N_USER_FOLDER: options.userFolder,
		N8N_ENCRYPTION_KEY: options.encryptionKey ?? newEncryptionKey(),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		// `n8n execute` prints its result through the logger at level info.
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
		N8N_LOG_OUTPUT: 'console',
		// Nothing phones home.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		// Modules that fetch from api.n8n.io in the background (MCP server registry, AI builder).
		N8N_DISABLED_MODULES: 'mcp-registry,instance-ai,workflow-builder,promotions',
		N8N_SENTRY_DSN: '',
		N8N_FRONTEND_SENTRY_DSN: '',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		// Loads packages from <userFolder>/.n8n/nodes without asking npm about them.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// Listen only locally.
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PYTHON_ENABLED: 'false',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
	});
	if (options.port !== undefined) env.N8N_PORT = String(options.port);
	if (options.port !== undefined) env.N8N_EDITOR_BASE_URL = `http://127.0.0.1:${options.port}/`;
	if (options.brokerPort !== undefined) env.N8N_RUNNERS_BROKER_PORT = String(options.brokerPort);
	env.N8N_RESTRICT_FILE_ACCESS_TO = options.filesDir ?? join(options.userFolder, 'files');
	Object.assign(env, options.extra ?? {});
	return env;
}
