/**
 * Debug aid: prints the isolated n8n environment as shell `export`s plus an `n8n` alias, to poke
 * at a user folder by hand:
 *   npx tsx tools/n8n/env-shell.ts /tmp/my-n8n [encryption key] > /tmp/env.sh && . /tmp/env.sh
 *   n8n execute --id=... --rawOutput
 */
import { ensureN8n, N8nCli } from '.';

async function main(): Promise<void> {
	const [userFolder, encryptionKey] = process.argv.slice(2);
	if (!userFolder) throw new Error('usage: tsx tools/n8n/env-shell.ts <user folder> [encryption key]');
	const install = await ensureN8n();
	const cli = await N8nCli.create(install, { userFolder, encryptionKey });
	for (const [key, value] of Object.entries(cli.env)) {
		if (/^(N8N_|DB_|PATH$|EXECUTIONS_|GENERIC_TIMEZONE$|TZ$|npm_config_nodedir$)/.test(key)) console.log(`export ${key}=${JSON.stringify(value)}`);
	}
	console.log(`alias n8n=${JSON.stringify(`${install.node24.node} ${install.bin}`)}`);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
