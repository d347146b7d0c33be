// Package script owns revision files over an fs.FS (so embed.FS works): the
// header, the upgrade/downgrade sections and their annotations, statement
// splitting (through internal/sqlsplit, with sqlsplit.AllDialects),
// checksums, loading the revision graph (LoadGraph, used by the library and
// the CLI alike) and authoring new revisions (Author: the checks against the
// graph, file_template, slug, ids, writing).
//
// The file format is a contract shared with other tools; docs/file-format.md
// describes it for users. Additions are fine, changes are not.
//
// It imports internal/revision (for the Revision type) and internal/sqlsplit
// (the statement splitter it shares with model files), and nothing else of
// retort's: no dialect or database package, since files are read and
// checked before any database is opened.
package script
