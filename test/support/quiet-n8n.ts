// n8n-core logs every failed node to the console; the tests assert on those errors instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
