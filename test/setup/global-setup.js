// One PostgreSQL for the whole test run; each test file creates its own database in it.
const { startPostgres } = require('./postgres');

module.exports = async () => {
	if (process.env.OMS_TEST_PG_URL) return;
	const pg = await startPostgres();
	globalThis.__OMS_PG__ = pg;
	process.env.OMS_TEST_PG_URL = pg.url;
};
