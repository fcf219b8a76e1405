// Jest runs several test files in one process, each in its own module registry, but a native addon is loaded
// once per process. better-sqlite3 hands its addon the SqliteError class only the first time
// (`addon.isInitialized`), so from the second file on, SQLite errors would be built from a class of a test
// environment that has been torn down — and silently not thrown. Each file re-registers its own class.
const addon = require('better-sqlite3/build/Release/better_sqlite3.node');
addon.isInitialized = false;
