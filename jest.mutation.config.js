/**
 * The unit specs of the rules (workflows/), as Stryker's jest runner runs them (`npm run test:mutation`,
 * stryker.config.mjs): the same transform as jest.config.js, without the database and browser projects.
 */
const base = require('./jest.config.js').projects.find((p) => p.displayName === 'unit');

module.exports = { ...base, displayName: undefined, roots: ['<rootDir>/workflows'] };
