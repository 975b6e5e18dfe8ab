// Copies the icons next to the compiled code, where the `file:` icon paths point.
const { src, dest } = require('gulp');

function buildIcons() {
	return src('icons/**/*.{png,svg}').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
