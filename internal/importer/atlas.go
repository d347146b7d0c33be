package importer

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// atlasSum is the name of Atlas's integrity file.
const atlasSum = "atlas.sum"

// atlas reads an Atlas folder: VERSION_name.sql files in name order, checked
// against atlas.sum. Atlas files have no down section (Atlas plans a down
// migration against a dev database), so each downgrade section is empty.
func (r *reader) atlas(names []string) error {
	var files []string
	for _, name := range names {
		if strings.HasSuffix(name, ".sql") {
			files = append(files, name)
		}
	}
	contents := make(map[string][]byte, len(files))
	for _, name := range files {
		data, err := os.ReadFile(r.path(name))
		if err != nil {
			return err
		}
		contents[name] = data
	}
	if err := r.checkAtlasSum(files, contents); err != nil {
		return err
	}
	for _, name := range files {
		data := contents[name]
		path := r.path(name)
		stem := strings.TrimSuffix(name, ".sql")
		version, desc, _ := strings.Cut(stem, "_")
		dirs := atlasDirectives(string(data))
		if _, ok := dirs["checkpoint"]; ok {
			r.note("%s was left out: it is an Atlas checkpoint, which Atlas runs only on an empty database in place of the files before it.", path)
			continue
		}
		if err := r.claim(version, name); err != nil {
			return err
		}
		up, err := atlasSection(path, string(data), dirs)
		if err != nil {
			return err
		}
		for d := range dirs {
			switch d {
			case "txmode", "delimiter", "sum", "nolint", "lint":
			default:
				r.note("%s: the directive \"atlas:%s\" has no meaning for retort and was kept as a comment.", path, d)
			}
		}
		down := section{name: "downgrade",
			note: "-- Atlas migration files have no down section: downgrading past this revision runs no SQL."}
		rev, err := r.revisionOf(version, desc, path, up, down)
		if err != nil {
			return err
		}
		r.revs = append(r.revs, rev)
	}
	if len(r.revs) > 0 {
		r.note("Atlas files have no down migrations: every imported downgrade section is empty; write them before relying on retort downgrade.")
	}
	return nil
}

// checkAtlasSum verifies atlas.sum as Atlas does: each file's hash is the
// SHA-256 of every name and content so far (a file with "atlas:sum ignore"
// adds only its name), and the first line sums the list.
func (r *reader) checkAtlasSum(files []string, contents map[string][]byte) error {
	data, err := os.ReadFile(r.path(atlasSum))
	if errors.Is(err, fs.ErrNotExist) {
		r.note("%s has no atlas.sum: the files could not be checked against it.", r.dir)
		return nil
	}
	if err != nil {
		return err
	}
	type entry struct{ name, hash string }
	var (
		total   string
		entries []entry
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for first := true; sc.Scan(); first = false {
		if first {
			total = strings.TrimPrefix(sc.Text(), "h1:")
			continue
		}
		name, hash, ok := strings.Cut(sc.Text(), "h1:")
		if !ok {
			return fmt.Errorf("%s: line %q is not in the form \"NAME h1:HASH\"; run `atlas migrate hash` to rewrite it",
				r.path(atlasSum), sc.Text())
		}
		entries = append(entries, entry{strings.TrimSpace(name), hash})
	}
	sum := sha256.New()
	for _, e := range entries {
		sum.Write([]byte(e.name))
		sum.Write([]byte(e.hash))
	}
	if base64.StdEncoding.EncodeToString(sum.Sum(nil)) != total {
		return fmt.Errorf("%s does not sum its own lines (edited by hand?): run `atlas migrate hash` and import again", r.path(atlasSum))
	}
	h := sha256.New()
	var want []entry
	for _, name := range files {
		h.Write([]byte(name))
		if v, ok := atlasDirectives(string(contents[name]))["sum"]; ok && v == "ignore" {
			continue
		}
		h.Write(contents[name])
		want = append(want, entry{name, base64.StdEncoding.EncodeToString(h.Sum(nil))})
	}
	for i := 0; i < len(want) || i < len(entries); i++ {
		switch {
		case i >= len(entries):
			return fmt.Errorf("%s is not listed in %s (added after `atlas migrate hash`?): run `atlas migrate hash` if the file is meant to be there, then import again",
				r.path(want[i].name), r.path(atlasSum))
		case i >= len(want):
			return fmt.Errorf("%s lists %s, which is not in the folder: restore the file, or run `atlas migrate hash`", r.path(atlasSum), entries[i].name)
		case entries[i].name != want[i].name:
			return fmt.Errorf("%s lists %s where the folder has %s: the files changed since `atlas migrate hash`", r.path(atlasSum), entries[i].name, want[i].name)
		case entries[i].hash != want[i].hash:
			return fmt.Errorf("%s does not match %s: the file (or one before it) changed since `atlas migrate hash`; restore it, or run `atlas migrate hash` if the change is meant",
				r.path(want[i].name), r.path(atlasSum))
		}
	}
	return nil
}

var atlasDirective = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^--\s*atlas:(\w+)(?:\s+(.*))?$`) })

// atlasDirectives are the file directives of an Atlas migration: the
// "-- atlas:NAME VALUE" comment lines at the top of the file, which a blank
// line separates from the statements.
func atlasDirectives(src string) map[string]string {
	dirs := map[string]string{}
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "--") && !strings.HasPrefix(t, "#") {
			// Atlas reads the comments as file directives only when a blank
			// line follows them.
			if t != "" || i == 0 {
				return map[string]string{}
			}
			return dirs
		}
		if m := atlasDirective().FindStringSubmatch(t); m != nil {
			dirs[m[1]] = strings.TrimSpace(m[2])
		}
	}
	return dirs
}

// atlasSection translates an Atlas file into an upgrade section:
// "atlas:txmode none" runs it outside a transaction, and statements cut by
// a custom "atlas:delimiter" are each wrapped in a StatementBegin block.
func atlasSection(path, src string, dirs map[string]string) (section, error) {
	s := section{name: "upgrade"}
	switch mode := dirs["txmode"]; mode {
	case "", "file", "all":
	case "none":
		s.noTx = true
	default:
		return s, fmt.Errorf("%s: unknown atlas:txmode %q; Atlas knows none, file and all", path, mode)
	}
	src = strings.ReplaceAll(src, "\r\n", "\n")
	delim, ok := dirs["delimiter"]
	if !ok {
		s.b.WriteString(src)
		return s, nil
	}
	delim = strings.ReplaceAll(delim, `\n`, "\n")
	if strings.TrimSpace(delim) == "" && !strings.Contains(delim, "\n") {
		return s, fmt.Errorf("%s: atlas:delimiter names no delimiter", path)
	}
	// Keep the directive comments, then each delimited statement as a block.
	head, body := src, ""
	if i := strings.Index(src, "\n\n"); i >= 0 {
		head, body = src[:i], src[i+2:]
	}
	s.line(head)
	s.line("")
	for _, stmt := range strings.Split(body, delim) {
		stmt = strings.Trim(stmt, "\n")
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		s.line("-- +retort StatementBegin")
		s.line(stmt)
		s.line("-- +retort StatementEnd")
	}
	return s, nil
}

// AtlasSum is the atlas.sum Atlas would write for the .sql files of dir
// (tests write folders with it).
func AtlasSum(dir string) string {
	entries, _ := os.ReadDir(dir)
	h := sha256.New()
	type entry struct{ name, hash string }
	var list []entry
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		h.Write([]byte(e.Name()))
		if v, ok := atlasDirectives(string(data))["sum"]; ok && v == "ignore" {
			continue
		}
		h.Write(data)
		list = append(list, entry{e.Name(), base64.StdEncoding.EncodeToString(h.Sum(nil))})
	}
	sum := sha256.New()
	var b strings.Builder
	for _, e := range list {
		sum.Write([]byte(e.name))
		sum.Write([]byte(e.hash))
		b.WriteString(e.name + " h1:" + e.hash + "\n")
	}
	return "h1:" + base64.StdEncoding.EncodeToString(sum.Sum(nil)) + "\n" + b.String()
}
