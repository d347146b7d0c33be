package importer

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/retortdb/retort/internal/script"
)

// migrateFile is golang-migrate's file name: VERSION_TITLE.up|down.EXT.
var migrateFile = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([0-9]+)_(.*)\.(down|up)\.(.*)$`) })

// migrate reads a golang-migrate folder: VERSION_title.up.sql and
// VERSION_title.down.sql (the down file may be missing), in version order.
func (r *reader) migrate(names []string) error {
	type pair struct {
		version, title string
		n              uint64
		up, down       string
	}
	byVersion := map[uint64]*pair{}
	var order []*pair
	for _, name := range names {
		m := migrateFile().FindStringSubmatch(name)
		if m == nil {
			if strings.HasSuffix(name, ".sql") {
				r.note("%s was skipped: golang-migrate reads only files named VERSION_title.up.sql or .down.sql.", r.path(name))
			}
			continue
		}
		n, err := strconv.ParseUint(m[1], 10, 64)
		if err != nil {
			return fmt.Errorf("%s: version %s is not a number golang-migrate accepts", r.path(name), m[1])
		}
		if m[4] != "sql" {
			r.note("%s has the extension .%s: read as SQL.", r.path(name), m[4])
		}
		p := byVersion[n]
		if p == nil {
			p = &pair{version: m[1], title: m[2], n: n}
			byVersion[n] = p
			order = append(order, p)
		}
		slot := &p.up
		if m[3] == "down" {
			slot = &p.down
		}
		if *slot != "" {
			return fmt.Errorf("%s and %s are both the %s migration of version %d: golang-migrate refuses this too; remove or renumber one",
				r.path(*slot), r.path(name), m[3], n)
		}
		*slot = name
	}
	sortStable(len(order), func(i, j int) bool { return order[i].n < order[j].n }, func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, p := range order {
		if p.up == "" {
			return fmt.Errorf("%s has no up migration beside it: golang-migrate needs VERSION_title.up.sql for version %d; add it or remove the down file",
				r.path(p.down), p.n)
		}
		if err := r.claim(strconv.FormatUint(p.n, 10), p.up); err != nil {
			return err
		}
		up, err := r.migrateSection(p.up, "upgrade")
		if err != nil {
			return err
		}
		down := section{name: "downgrade"}
		source := r.path(p.up)
		if p.down == "" {
			down.note = "-- golang-migrate had no down migration for this version: downgrading past it runs no SQL."
			r.note("Version %d has no down migration: its revision's downgrade section is empty.", p.n)
		} else {
			if down, err = r.migrateSection(p.down, "downgrade"); err != nil {
				return err
			}
			source += ", " + r.path(p.down)
		}
		rev, err := r.revisionOf(p.version, p.title, source, up, down)
		if err != nil {
			return err
		}
		rev.SourceVersion = strconv.FormatUint(p.n, 10)
		r.revs = append(r.revs, rev)
	}
	return nil
}

// migrateSection reads one golang-migrate file as a section body.
// golang-migrate runs a file as it is, outside any transaction, so files
// often wrap themselves in BEGIN; … COMMIT;. retort runs each section in
// its own transaction and refuses transaction control inside it, so a
// BEGIN line opening the file and a COMMIT line closing it are commented
// out.
func (r *reader) migrateSection(name, which string) (section, error) {
	s := section{name: which}
	data, err := os.ReadFile(r.path(name))
	if err != nil {
		return s, err
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	first, last := -1, -1
	for i, l := range lines {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "--") {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 && first != last && isBeginLine(lines[first]) && isCommitLine(lines[last]) {
		const why = " -- retort import: retort runs the section in its own transaction"
		lines[first] = "-- " + strings.TrimSpace(lines[first]) + why
		lines[last] = "-- " + strings.TrimSpace(lines[last]) + why
		r.note("%s: its BEGIN and COMMIT lines were commented out; retort runs the section in a transaction.", r.path(name))
	}
	for _, l := range lines {
		s.line(l)
	}
	// golang-migrate runs a file outside any transaction. A file that
	// controls the transaction itself, or creates an index concurrently
	// (which PostgreSQL refuses in a transaction), keeps running that way.
	body := s.b.String()
	switch {
	case concurrently().MatchString(body):
		s.noTx = true
		r.note("%s builds or drops an index concurrently: its section runs outside a transaction, as golang-migrate ran it.", r.path(name))
	case !parsesIn(body, false) && parsesIn(body, true):
		s.noTx = true
		r.note("%s controls the transaction itself: its section runs outside retort's transaction, as golang-migrate ran it.", r.path(name))
	}
	return s, nil
}

var concurrently = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(CREATE|DROP)\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b|\bREINDEX\b.*\bCONCURRENTLY\b`)
})

// parsesIn reports whether body reads as an upgrade section, in a
// transaction or (noTx) outside one: the difference is retort's refusal of
// transaction control inside its own transaction.
func parsesIn(body string, noTx bool) bool {
	head := "-- Revision ID: probe\n\n-- +retort upgrade\n"
	if noTx {
		head += "-- +retort no-transaction\n"
	}
	_, err := script.Parse("probe.sql", []byte(head+body))
	return err == nil
}

var (
	beginLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*(BEGIN(\s+(WORK|TRANSACTION))?|START\s+TRANSACTION)\s*;\s*$`)
	})
	commitLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*(COMMIT|END)(\s+(WORK|TRANSACTION))?\s*;\s*$`)
	})
)

func isBeginLine(l string) bool  { return beginLine().MatchString(l) }
func isCommitLine(l string) bool { return commitLine().MatchString(l) }
