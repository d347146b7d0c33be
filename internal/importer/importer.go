// Package importer turns another tool's migration history into retort
// revision files: Alembic (subpackage alembic), goose, golang-migrate,
// dbmate and Atlas directories. It reads files and, to take over a
// database's state, the source tool's state table through a *sql.DB the
// caller opened; it writes nothing itself until Write is called.
//
// An import is a list of Revision values (the header and bodies of each new
// file, plus where it came from and what a person must still do) and a
// Report. Write checks the whole imported graph before writing any file, so
// a failed import leaves the target folder as it was.
package importer

import (
	"github.com/retortdb/retort/internal/script"
)

// Revision is one imported revision.
type Revision struct {
	// File is the revision file to write: id, parents, branch labels,
	// depends_on, message, create date, upgrade and downgrade bodies.
	File script.NewFile
	// Source is the file (or files) the revision came from, as given.
	Source string
	// SourceVersion is the source tool's version for this revision
	// ("20230102150405", "3", an Alembic id): what its state table holds.
	SourceVersion string
	// Manual lists the blocks left for a person to translate. A revision
	// with one fails upgrade until they are replaced.
	Manual []Manual
}

// Manual is a part of a source revision that was not translated.
type Manual struct {
	// Pos is "file:line" of the source text.
	Pos string
	// Section is "upgrade" or "downgrade".
	Section string
	// Text is the source text quoted in the revision file.
	Text string
	// Reason says why it was not translated ("a Python loop", "a Go
	// migration").
	Reason string
}

// Report is what an import did, for the command's output.
type Report struct {
	Format     string // "alembic", "goose", "migrate", "dbmate", "atlas"
	Revisions  int    // revisions written
	Translated int    // revisions translated completely
	Manual     []Manual
	// Notes are other things a person should know (a skipped file, a
	// checksum that did not match), one sentence each.
	Notes []string
}
