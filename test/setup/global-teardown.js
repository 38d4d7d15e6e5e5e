module.exports = async () => {
	if (globalThis.__OMS_PG__) await globalThis.__OMS_PG__.stop();
};
