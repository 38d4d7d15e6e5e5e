// One PostgreSQL for the whole test run; each test file creates its own database in it.
const { startPostgres } = require('./postgres');

module.exports = async () => {
	if (process.env.OMS_TEST_PG_URL) return;
	try {
		const pg = await startPostgres();
		globalThis.__OMS_PG__ = pg;
		process.env.OMS_TEST_PG_URL = pg.url;
	} catch (error) {
		// Every test that does not need PostgreSQL still runs; those that do fail with this reason.
		const reason = error && error.message ? error.message : String(error);
		process.env.OMS_TEST_PG_ERROR = reason;
		process.stderr.write(`\n[tests] ${reason}\n[tests] The PostgreSQL store tests will fail with this reason; the others run.\n`);
	}
};
