// Package script owns revision files over an fs.FS (so embed.FS works): the
// header, the upgrade/downgrade sections and their annotations, statement
// splitting (through internal/sqlsplit, with sqlsplit.AllDialects),
// checksums, and writing new files (file_template, slug, ids).
//
// The file format is a contract shared with other tools; docs/file-format.md
// describes it for users. Additions are fine, changes are not.
//
// It may import internal/revision (for the Revision type) and
// internal/sqlsplit (the statement splitter it shares with model files), and
// nothing else of retort's.
package script
