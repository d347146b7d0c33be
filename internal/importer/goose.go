package importer

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// goose reads a goose folder: VERSION_name.sql files with "-- +goose"
// annotations, and VERSION_name.go files (Go migrations), in version order.
func (r *reader) goose(names []string) error {
	type file struct {
		name, version, desc string
		n                   int64
		goFile              bool
	}
	var files []file
	for _, name := range names {
		var stem string
		goFile := false
		switch {
		case strings.HasSuffix(name, ".sql"):
			stem = strings.TrimSuffix(name, ".sql")
		case strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go"):
			stem, goFile = strings.TrimSuffix(name, ".go"), true
		default:
			continue
		}
		version, desc, ok := splitVersion(stem)
		if !ok {
			if !goFile {
				r.note("%s was skipped: goose reads only files whose names start with a version number.", r.path(name))
			}
			continue
		}
		n, err := strconv.ParseInt(version, 10, 64)
		if err != nil || n < 1 {
			return fmt.Errorf("%s: version %s is not a number goose accepts (1 to %d)", r.path(name), version, int64(^uint64(0)>>1))
		}
		if err := r.claim(strconv.FormatInt(n, 10), name); err != nil {
			return err
		}
		files = append(files, file{name: name, version: version, desc: desc, n: n, goFile: goFile})
	}
	// goose orders by version number, not by name ("9_x" before "10_y").
	sortStable(len(files), func(i, j int) bool { return files[i].n < files[j].n }, func(i, j int) { files[i], files[j] = files[j], files[i] })
	for _, f := range files {
		path := r.path(f.name)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var up, down section
		if f.goFile {
			up, down = gooseGo(path, string(data))
		} else {
			var notes []string
			up, down, notes, err = parseGoose(path, string(data))
			if err != nil {
				return err
			}
			for _, n := range notes {
				r.note("%s", n)
			}
		}
		rev, err := r.revisionOf(f.version, f.desc, path, up, down)
		if err != nil {
			return err
		}
		rev.SourceVersion = strconv.FormatInt(f.n, 10)
		r.revs = append(r.revs, rev)
	}
	return nil
}

// sortStable is an insertion sort (the folders are small and mostly in
// order already).
func sortStable(n int, less func(i, j int) bool, swap func(i, j int)) {
	for i := 1; i < n; i++ {
		for j := i; j > 0 && less(j, j-1); j-- {
			swap(j, j-1)
		}
	}
}

var gooseRegister = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`goose\.(Add|AddNamed|Register)\w*\(`) })

// gooseGo is the revision of a Go migration: both sections are blocks left
// for a person, the upgrade one quoting the file, so the numbering stays
// complete and nothing runs until someone writes the SQL.
func gooseGo(path, src string) (up, down section) {
	up, down = section{name: "upgrade"}, section{name: "downgrade"}
	line := 1
	var call string
	for i, l := range strings.Split(src, "\n") {
		if gooseRegister().MatchString(l) {
			line, call = i+1, strings.TrimSpace(l)
			break
		}
	}
	up.addManual(Manual{Pos: fmt.Sprintf("%s:%d", path, line), Text: src,
		Reason: "a goose Go migration; write what its up function does as SQL"})
	if call == "" {
		call = "(no goose.AddMigration call found in the file)"
	}
	down.addManual(Manual{Pos: fmt.Sprintf("%s:%d", path, line), Text: call,
		Reason: "a goose Go migration; write what its down function does as SQL, the file is quoted in the upgrade section"})
	return up, down
}

// parseGoose translates a goose SQL migration: "-- +goose Up" and "Down"
// start the sections, StatementBegin/End and NO TRANSACTION become retort's
// annotations, and an ENVSUB ON region that uses variables is left for a
// person (retort substitutes none). Text before "-- +goose Up" must be
// comments; they go to the top of the upgrade section.
func parseGoose(path, src string) (up, down section, notes []string, err error) {
	up, down = section{name: "upgrade"}, section{name: "downgrade"}
	var (
		cur      *section
		pre      []string // comments before the first annotation
		sawUp    bool
		sawDown  bool
		envsub   bool
		envStart int
		envLines []string // translated
		envOrig  []string // as goose wrote them, to quote
	)
	flushEnv := func() {
		defer func() { envLines, envOrig = nil, nil }()
		if !envsub || cur == nil {
			return
		}
		text := strings.TrimRight(strings.Join(envOrig, "\n"), "\n")
		if usesEnvVars(text) {
			cur.addManual(Manual{Pos: fmt.Sprintf("%s:%d", path, envStart), Text: text,
				Reason: "goose substitutes environment variables in this ENVSUB region; retort does not"})
		} else {
			for _, l := range envLines {
				cur.line(l)
			}
		}
	}
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	for i, l := range lines {
		n := i + 1
		t := strings.TrimSpace(l)
		cmd, isAnnot := gooseAnnotation(t)
		if !isAnnot {
			switch {
			case cur == nil:
				if t != "" && !strings.HasPrefix(t, "--") {
					return up, down, nil, fmt.Errorf("%s:%d: SQL before %q; goose runs nothing outside its Up and Down sections: put it under one", path, n, "-- +goose Up")
				}
				pre = append(pre, l)
			case envsub:
				envLines = append(envLines, l)
				envOrig = append(envOrig, l)
			default:
				cur.line(l)
			}
			continue
		}
		switch strings.ToLower(cmd) {
		case "up", "down":
			flushEnv()
			next, seen := &up, &sawUp
			if strings.EqualFold(cmd, "down") {
				next, seen = &down, &sawDown
			}
			if *seen {
				return up, down, nil, fmt.Errorf("%s:%d: a second %q; a goose file has one Up and one Down section", path, n, t)
			}
			*seen, cur = true, next
			if envsub {
				envStart = n + 1
			}
		case "statementbegin", "statementend":
			if cur == nil {
				return up, down, nil, fmt.Errorf("%s:%d: %q before %q", path, n, t, "-- +goose Up")
			}
			word := "StatementBegin"
			if strings.EqualFold(cmd, "statementend") {
				word = "StatementEnd"
			}
			if envsub {
				envLines = append(envLines, "-- +retort "+word)
				envOrig = append(envOrig, l)
			} else {
				cur.line("-- +retort " + word)
			}
		case "no transaction":
			up.fileNoTx = true
		case "envsub on":
			flushEnv()
			envsub, envStart = true, n+1
		case "envsub off":
			flushEnv()
			envsub = false
		default:
			return up, down, nil, fmt.Errorf("%s:%d: unknown goose annotation %q; known: Up, Down, StatementBegin, StatementEnd, NO TRANSACTION, ENVSUB ON, ENVSUB OFF", path, n, t)
		}
	}
	flushEnv()
	if !sawUp {
		return up, down, nil, fmt.Errorf("%s: no %q annotation; goose refuses such a file too: mark where the up SQL starts", path, "-- +goose Up")
	}
	if len(pre) > 0 && strings.TrimSpace(strings.Join(pre, "\n")) != "" {
		body := up.b.String()
		up.b.Reset()
		up.b.WriteString(strings.TrimLeft(strings.Join(pre, "\n"), "\n") + "\n" + body)
	}
	return up, down, notes, nil
}

// gooseAnnotation reports whether a trimmed line is a "-- +goose" annotation
// and returns its command ("Up", "StatementBegin", "NO TRANSACTION").
func gooseAnnotation(t string) (string, bool) {
	const tag = "-- +goose"
	if len(t) < len(tag) || !strings.EqualFold(t[:len(tag)], tag) {
		return "", false
	}
	rest := t[len(tag):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	return strings.Join(strings.Fields(rest), " "), true
}

var envVar = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$(\{|[A-Za-z_])`) })

// usesEnvVars reports whether text holds a $VAR or ${VAR} reference, which
// goose's ENVSUB would replace.
func usesEnvVars(text string) bool { return envVar().MatchString(text) }
