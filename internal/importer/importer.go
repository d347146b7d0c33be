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
	"strings"

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
	// Target is "file:line" of the block's marker in the written revision
	// file (set by Plan).
	Target string `json:",omitempty"`
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

// ManualMarker is the annotation that opens a block left for a person in a
// revision section. upgrade (and downgrade) refuse a section holding one, so
// an untranslated part never runs as if it were done.
const ManualMarker = "-- +retort manual"

// ManualBlock is the text of m in a revision section: the marker, why the
// source was not translated and where it is, and the source quoted as
// comments.
func ManualBlock(m Manual) string {
	var b strings.Builder
	b.WriteString(ManualMarker + "\n")
	b.WriteString("-- Not translated (" + m.Reason + "), from " + m.Pos + ".\n")
	b.WriteString("-- Replace this block with SQL that does the same, then delete it.\n")
	for _, line := range strings.Split(strings.TrimRight(m.Text, "\n"), "\n") {
		if line == "" {
			b.WriteString("--\n")
			continue
		}
		b.WriteString("--   " + line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
