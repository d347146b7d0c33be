// Package sqlsplit is retort's one SQL statement splitter: revision files
// (internal/script) and desired-state model files (internal/models/sqlstate)
// are cut into statements by the same code, so the two can never disagree
// on the same text. It knows quotes, comments, dollar quoting, routine
// bodies and the "-- +retort" annotation lines (StatementBegin …
// StatementEnd blocks, and the section markers a revision file reads).
//
// What differs between databases comes in as Rules, which each dialect
// package provides (internal/dialect/<name>/lexical.go); AllDialects is the
// explicit choice for text split before its dialect is known.
//
// Tokens reads one statement under the same Rules as a token stream, for
// the callers that read a statement's words (each keeping its own refusals
// as checks on the stream's kinds and flags).
//
// It is a leaf: it imports nothing of retort's, so that script, sqlstate
// and the dialect packages can all use it without an import cycle.
package sqlsplit
