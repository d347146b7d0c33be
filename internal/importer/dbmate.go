package importer

import (
	"fmt"
	"os"
	"strings"
)

// dbmate reads a dbmate folder: VERSION_name.sql files with "-- migrate:up"
// and "-- migrate:down" blocks, in name order (dbmate's).
func (r *reader) dbmate(names []string) error {
	for _, name := range names {
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		version, desc, ok := splitVersion(strings.TrimSuffix(name, ".sql"))
		if !ok {
			r.note("%s was skipped: dbmate reads only files whose names start with a version number.", r.path(name))
			continue
		}
		if err := r.claim(version, name); err != nil {
			return err
		}
		path := r.path(name)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		up, down, err := parseDbmate(path, string(data))
		if err != nil {
			return err
		}
		rev, err := r.revisionOf(version, desc, path, up, down)
		if err != nil {
			return err
		}
		r.revs = append(r.revs, rev)
	}
	return nil
}

// parseDbmate translates a dbmate migration: "-- migrate:up" and
// "-- migrate:down" start the sections; their option "transaction:false"
// makes the section run outside a transaction. Only comments may come
// before the up block (dbmate's rule).
func parseDbmate(path, src string) (up, down section, err error) {
	up, down = section{name: "upgrade"}, section{name: "downgrade"}
	var (
		cur          *section
		pre          []string
		seenUp, seen bool
	)
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	for i, l := range lines {
		n := i + 1
		t := strings.TrimSpace(l)
		which, opts, isBlock, berr := dbmateBlock(t)
		if berr != nil {
			return up, down, fmt.Errorf("%s:%d: %w", path, n, berr)
		}
		if !isBlock {
			if cur == nil {
				if t != "" && !strings.HasPrefix(t, "--") {
					return up, down, fmt.Errorf("%s:%d: SQL before %q; dbmate refuses statements outside its up and down blocks too: put it under one", path, n, "-- migrate:up")
				}
				pre = append(pre, l)
				continue
			}
			cur.line(l)
			continue
		}
		next := &up
		if which == "down" {
			next = &down
			if !seenUp {
				return up, down, fmt.Errorf("%s:%d: %q before %q; dbmate needs the up block first", path, n, "-- migrate:down", "-- migrate:up")
			}
			if seen {
				return up, down, fmt.Errorf("%s:%d: a second %q", path, n, "-- migrate:down")
			}
			seen = true
		} else {
			if seenUp {
				return up, down, fmt.Errorf("%s:%d: a second %q", path, n, "-- migrate:up")
			}
			seenUp = true
		}
		cur = next
		for _, o := range opts {
			switch strings.ToLower(o) {
			case "transaction:false":
				cur.noTx = true
			case "transaction:true":
			default:
				cur.addManual(Manual{Pos: fmt.Sprintf("%s:%d", path, n), Text: t,
					Reason: fmt.Sprintf("the dbmate option %q, which retort does not know", o)})
			}
		}
	}
	if !seenUp {
		return up, down, fmt.Errorf("%s: no %q block; dbmate refuses such a file too: mark where the up SQL starts", path, "-- migrate:up")
	}
	if len(pre) > 0 && strings.TrimSpace(strings.Join(pre, "\n")) != "" {
		body := up.b.String()
		up.b.Reset()
		up.b.WriteString(strings.TrimLeft(strings.Join(pre, "\n"), "\n") + "\n" + body)
	}
	return up, down, nil
}

// dbmateBlock reports whether a trimmed line starts a dbmate block
// ("-- migrate:up transaction:false") and returns "up" or "down" and the
// options.
func dbmateBlock(t string) (which string, opts []string, ok bool, err error) {
	if !strings.HasPrefix(t, "--") {
		return "", nil, false, nil
	}
	rest := strings.TrimSpace(t[2:])
	const tag = "migrate:"
	if !strings.HasPrefix(rest, tag) {
		return "", nil, false, nil
	}
	fields := strings.Fields(rest[len(tag):])
	if len(fields) == 0 {
		return "", nil, false, fmt.Errorf("%q names no block; write %q or %q", t, "-- migrate:up", "-- migrate:down")
	}
	switch fields[0] {
	case "up", "down":
		return fields[0], fields[1:], true, nil
	}
	return "", nil, false, fmt.Errorf("unknown dbmate block %q; known: %q, %q", t, "-- migrate:up", "-- migrate:down")
}
