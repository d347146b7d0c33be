// Package script owns revision files over an fs.FS (so embed.FS works): the
// header, the upgrade/downgrade sections and their annotations, statement
// splitting, checksums, and writing new files (file_template, slug, ids).
//
// It may import internal/revision (for the Revision type) and nothing else of
// retort's.
package script

// THIS FILE IS A CONTRACT STUB. The script-package owner replaces every body
// (and may move things to other files) but keeps these names and signatures.

import (
	"errors"
	"io/fs"
	"time"

	"github.com/retortdb/retort/internal/revision"
)

var errTODO = errors.New("script: not implemented yet")

// Statement is one SQL statement of a section, without the trailing ';'.
type Statement struct {
	SQL  string
	Line int // 1-based line in the file where the statement starts
}

// Section is the body under "-- +retort upgrade" or "-- +retort downgrade".
type Section struct {
	Statements    []Statement
	NoTransaction bool // "-- +retort no-transaction" applies to this section (or the whole file)
	Line          int  // line of the marker
}

// Script is a fully parsed revision file.
type Script struct {
	Revision   *revision.Revision
	CreateDate string // as written in the header
	Upgrade    Section
	Downgrade  Section
	// Checksum is the hex SHA-256 of the file body from the first "-- +retort"
	// marker to the end, line endings normalized to "\n": what runs. Header
	// edits (the message) do not change it.
	Checksum string
}

// Error is a parse error naming the place: "versions/x.sql:12: …".
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string { return "" }

// ParseHeader reads only the header (stops at the first "-- +retort" marker):
// fast, for loading thousands of files.
func ParseHeader(path string, data []byte) (*revision.Revision, error) { return nil, errTODO }

// Parse reads the whole file, header and sections.
func Parse(path string, data []byte) (*Script, error) { return nil, errTODO }

// Split splits SQL text into statements; firstLine is the file line of text's
// first line. Right about quotes, "double quoted" and `backtick` identifiers,
// $tag$ dollar quoting, -- and /* */ comments, BEGIN … END bodies, and the
// "-- +retort StatementBegin" / "-- +retort StatementEnd" block markers.
func Split(text string, firstLine int) ([]Statement, error) { return nil, errTODO }

// Set is the revision files found in the version locations of one fs.FS.
type Set struct{}

// Load reads the headers of every *.sql file in each location (a directory in
// fsys; subdirectories too when recursive), each location's files in sorted
// name order. Bodies are read later by Script.
func Load(fsys fs.FS, locations []string, recursive bool) (*Set, error) { return nil, errTODO }

// Revisions returns the loaded revisions in load order (ready for revision.New).
func (s *Set) Revisions() []*revision.Revision { return nil }

// Script parses the full file of revision id.
func (s *Set) Script(id string) (*Script, error) { return nil, errTODO }

// NewFile describes a revision file to write.
type NewFile struct {
	ID           string
	Message      string
	Parents      []string
	BranchLabels []string
	DependsOn    []string
	CreateDate   time.Time
	Upgrade      string // body under the upgrade marker ("" → a placeholder comment)
	Downgrade    string
}

// Render returns the bytes of a new revision file in the documented format.
// Parse(Render(f)) gives back the same revision.
func Render(f NewFile) []byte { return nil }

// FileName expands an Alembic file_template ("%(rev)s_%(slug)s"; tokens rev,
// slug, epoch, year, month, day, hour, minute, second) and appends ".sql".
func FileName(template, rev, slug string, t time.Time) (string, error) { return "", errTODO }

// Slug turns a message into Alembic's slug (\w runs joined by "_", lowercased,
// truncated at truncate chars on a word boundary followed by "_").
func Slug(message string, truncate int) string { return "" }

// NewID returns a random 12-character lowercase hex id.
func NewID() string { return "" }

// FormatCreateDate renders t like Python's str(datetime): "2006-01-02 15:04:05.000000"
// and, when withZone, "+00:00" style offset appended.
func FormatCreateDate(t time.Time, withZone bool) string { return "" }

// LoadOS is Load over the operating system's files: dirs are absolute
// directories and each Revision.Path is the file's absolute OS path.
func LoadOS(dirs []string, recursive bool) (*Set, error) { return nil, errTODO }

// Path returns the path of revision id's file as recorded in Revision.Path.
func (s *Set) Path(id string) string { return "" }
