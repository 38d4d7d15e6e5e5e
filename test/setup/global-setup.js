// Filled in by the store tests' shared PostgreSQL (see test/setup/postgres.js).
module.exports = async () => {};
