// Copies what tsc does not: node/credential icons, node codex files (*.node.json), and the workflow
// templates shipped in the package.
const { src, dest, parallel } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

function copyTemplates() {
	return src('workflows-templates/**/*.json', { base: '.', allowEmpty: true }).pipe(dest('dist'));
}

exports.build = parallel(buildIcons, copyCodex, copyTemplates);
exports['build:icons'] = buildIcons;
