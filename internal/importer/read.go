package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
)

// Formats are the directory formats Read takes, in the order help lists
// them ("alembic" is read by the alembic subpackage).
func Formats() []string { return []string{"goose", "migrate", "dbmate", "atlas"} }

// Read reads the migration folder dir of format (one of Formats) as a linear
// history, oldest first.
func Read(format, dir string) ([]Revision, Report, error) {
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, Report{}, fmt.Errorf("%s does not exist: give the folder that holds the %s migrations", dir, format)
		}
		return nil, Report{}, err
	}
	if !st.IsDir() {
		return nil, Report{}, fmt.Errorf("%s is not a folder: give the folder that holds the %s migrations", dir, format)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, Report{}, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0 {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	r := &reader{format: format, dir: dir, report: Report{Format: format}}
	switch format {
	case "goose":
		err = r.goose(names)
	case "migrate":
		err = r.migrate(names)
	case "dbmate":
		err = r.dbmate(names)
	case "atlas":
		err = r.atlas(names)
	default:
		return nil, Report{}, fmt.Errorf("unknown format %q; known: %s", format, strings.Join(Formats(), ", "))
	}
	if err != nil {
		return nil, Report{}, err
	}
	if len(r.revs) == 0 {
		return nil, Report{}, fmt.Errorf("%s holds no %s migration (%s); check the path", dir, format, r.pattern())
	}
	if err := r.link(); err != nil {
		return nil, Report{}, err
	}
	r.report.Revisions = len(r.revs)
	for _, rev := range r.revs {
		if len(rev.Manual) == 0 {
			r.report.Translated++
		}
		r.report.Manual = append(r.report.Manual, rev.Manual...)
	}
	return r.revs, r.report, nil
}

// reader is one Read in progress.
type reader struct {
	format string
	dir    string
	revs   []Revision
	report Report
	// versions maps each source version (as the state table compares it)
	// to the file that holds it, to refuse two files of one version.
	versions map[string]string
}

// pattern is how the format names its migration files, for messages.
func (r *reader) pattern() string {
	switch r.format {
	case "goose":
		return "files named VERSION_name.sql or VERSION_name.go"
	case "migrate":
		return "files named VERSION_title.up.sql and VERSION_title.down.sql"
	case "dbmate":
		return "files named VERSION_name.sql"
	}
	return "files named VERSION_name.sql and atlas.sum"
}

func (r *reader) path(name string) string { return filepath.Join(r.dir, name) }

func (r *reader) note(format string, args ...any) {
	r.report.Notes = append(r.report.Notes, fmt.Sprintf(format, args...))
}

// claim records that file holds version key (the form the state table
// compares), refusing a second file of the same version.
func (r *reader) claim(key, file string) error {
	if r.versions == nil {
		r.versions = map[string]string{}
	}
	if prev, ok := r.versions[key]; ok {
		return fmt.Errorf("%s and %s have the same version %s: %s refuses this too; renumber one of them",
			r.path(prev), r.path(file), key, r.format)
	}
	r.versions[key] = file
	return nil
}

// revisionOf builds the revision of source version version, described by
// desc (the file name's words), from the translated sections.
func (r *reader) revisionOf(version, desc, source string, up, down section) (Revision, error) {
	id, err := idFor(version)
	if err != nil {
		return Revision{}, fmt.Errorf("%s: %w", source, err)
	}
	msg := messageOf(desc)
	if msg == "" {
		msg = "version " + version
	}
	f := script.NewFile{
		ID:            id,
		Message:       msg + "\n\nImported from " + ToolName(r.format) + ": " + baseNames(source) + ".",
		CreateDate:    createDate(version),
		Upgrade:       up.text(),
		Downgrade:     down.text(),
		NoTransaction: up.fileNoTx,
	}
	rev := Revision{File: f, Source: source, SourceVersion: version}
	rev.Manual = append(append(rev.Manual, up.manual...), down.manual...)
	return rev, nil
}

// ToolName is the name of the tool whose folders format holds.
func ToolName(format string) string {
	switch format {
	case "migrate":
		return "golang-migrate"
	case "atlas":
		return "Atlas"
	case "alembic":
		return "Alembic"
	}
	return format
}

// baseNames is a Revision.Source ("dir/a.up.sql, dir/a.down.sql") with only
// the file names.
func baseNames(source string) string {
	parts := strings.Split(source, ", ")
	for i, p := range parts {
		parts[i] = filepath.Base(p)
	}
	return strings.Join(parts, ", ")
}

// link chains the revisions in order and refuses ids that clash.
func (r *reader) link() error {
	seen := map[string]string{}
	for i := range r.revs {
		id := r.revs[i].File.ID
		if prev, ok := seen[id]; ok {
			return fmt.Errorf("%s and %s both become revision id %s; rename one so that their versions differ",
				prev, r.revs[i].Source, id)
		}
		seen[id] = r.revs[i].Source
		if i > 0 {
			r.revs[i].File.Parents = []string{r.revs[i-1].File.ID}
		}
	}
	return nil
}

// idFor is the retort revision id of a source version: the version itself
// when it is a valid id, so that it stays recognisable; characters an id may
// not hold become "_".
func idFor(version string) (string, error) {
	id := version
	if revision.ValidateID(id) != nil {
		id = strings.Map(func(c rune) rune {
			if strings.ContainsRune("@-+:/\\", c) || c <= ' ' || c == 0x7f {
				return '_'
			}
			return c
		}, id)
	}
	if err := revision.ValidateID(id); err != nil {
		return "", fmt.Errorf("version %q cannot become a revision id: %w", version, err)
	}
	return id, nil
}

// messageOf turns a file name's description ("add_users") into a message
// ("add users").
func messageOf(desc string) string {
	return strings.Join(strings.FieldsFunc(desc, func(c rune) bool { return c == '_' || c == '-' || c == ' ' }), " ")
}

// createDate reads a version that is a timestamp (YYYYMMDDHHMMSS, as goose,
// dbmate, golang-migrate and Atlas write by default) as the revision's
// create date, in UTC; other versions give none.
func createDate(version string) time.Time {
	if len(version) != 14 {
		return time.Time{}
	}
	if _, err := strconv.ParseUint(version, 10, 64); err != nil {
		return time.Time{}
	}
	t, err := time.ParseInLocation("20060102150405", version, time.UTC)
	if err != nil {
		return time.Time{}
	}
	return t
}

// splitVersion cuts a file name (without its extension) into the leading
// digits and the description after "_"; ok is false without digits.
func splitVersion(stem string) (version, desc string, ok bool) {
	n := 0
	for n < len(stem) && stem[n] >= '0' && stem[n] <= '9' {
		n++
	}
	if n == 0 {
		return "", "", false
	}
	rest := stem[n:]
	if rest != "" && rest[0] != '_' {
		return "", "", false
	}
	return stem[:n], strings.TrimPrefix(rest, "_"), true
}

// section is one translated section body being built.
type section struct {
	name     string // "upgrade" or "downgrade"
	b        strings.Builder
	manual   []Manual
	noTx     bool // "-- +retort no-transaction" for this section only
	fileNoTx bool // for the whole file (upgrade only)
	note     string
}

func (s *section) line(l string) {
	s.b.WriteString(l)
	s.b.WriteByte('\n')
}

// addManual quotes m as a block left for a person.
func (s *section) addManual(m Manual) {
	m.Section = s.name
	s.manual = append(s.manual, m)
	s.line(ManualBlock(m))
	s.line("")
}

// text is the section body: its annotations, then the SQL; a section
// whose SQL is only comments is marked empty (the source ran nothing).
func (s *section) text() string {
	body := strings.TrimRight(s.b.String(), "\n\t ")
	var head []string
	if s.noTx {
		head = append(head, "-- +retort no-transaction")
	}
	switch {
	case len(s.manual) > 0 || hasSQL(body):
	case s.name == "upgrade":
		head = append(head, "-- +retort empty", "-- The source migration ran no SQL here.")
	case s.note == "":
		head = append(head, "-- The source migration ran no SQL here.")
	}
	if s.note != "" {
		head = append(head, s.note)
	}
	if len(head) == 0 {
		return body
	}
	if body == "" {
		return strings.Join(head, "\n")
	}
	return strings.Join(head, "\n") + "\n" + body
}

// hasSQL reports whether body holds a statement (comments do not count).
// A body the splitter cannot read counts as SQL: writing the file reports
// the error with its line.
func hasSQL(body string) bool {
	stmts, err := script.Split(body, 1)
	return err != nil || len(stmts) > 0
}
