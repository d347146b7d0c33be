package sqlstate

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/internal/models/gostruct"
)

// Hint is a rename the models declare: table Table (its new name) was
// called From before (Column ""), or its column Column was called From.
// Where says where the hint is written ("schema.sql:12").
type Hint struct {
	Schema, Table, Column, From string
	Where                       string
}

var (
	hintRE        = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`--\s*retort:renamed-from\s+([^\s,;]+)`) })
	createTableRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*create\s+(?:(?:temp|temporary|unlogged)\s+)?table\s+(?:if\s+not\s+exists\s+)?([^\s(]+)`)
	})
	identRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("^\\s*([\"`\\[]?)([^\\s\"`\\]]+)[\"`\\]]?") })
)

// Hints reads the rename hints of the models: in .sql files a comment
// "-- retort:renamed-from OLD" at the end of a CREATE TABLE line (the table
// was OLD) or of a column's line inside it (the column was OLD); in Go
// struct models the directive //retort:renamed-from OLD on a struct (the
// table was OLD) and the retort tag option renamed_from:OLD on a field.
func Hints(files []string) ([]Hint, error) {
	var out []Hint
	for _, p := range files {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("read models: %w (check models in retort.toml)", err)
		}
		if fi.IsDir() {
			m, err := gostruct.Load(p)
			if err != nil {
				return nil, err
			}
			for _, t := range m.Tables {
				if t.RenamedFrom != "" {
					out = append(out, Hint{Table: t.Name, From: t.RenamedFrom,
						Where: fmt.Sprintf("%s:%d", t.Pos.File, t.Pos.Line)})
				}
				for _, c := range t.Columns {
					if c.RenamedFrom != "" {
						out = append(out, Hint{Table: t.Name, Column: c.Name, From: c.RenamedFrom,
							Where: fmt.Sprintf("%s:%d", c.Pos.File, c.Pos.Line)})
					}
				}
			}
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read model file: %w", err)
		}
		hs, err := sqlHints(string(data), p)
		if err != nil {
			return nil, err
		}
		out = append(out, hs...)
	}
	return out, nil
}

// sqlHints finds the hints of one .sql model file.
func sqlHints(text, path string) ([]Hint, error) {
	var out []Hint
	var table, ns string
	depth := 0
	for i, line := range strings.Split(text, "\n") {
		where := func() string { return fmt.Sprintf("%s:%d", path, i+1) }
		code, _, _ := strings.Cut(line, "--")
		var h []string
		if strings.Contains(line, "retort:") {
			h = hintRE().FindStringSubmatch(line)
		}
		if m := createTableRE().FindStringSubmatch(code); m != nil {
			ns, table = splitName(m[1])
			depth = 0
			if h != nil {
				out = append(out, Hint{Schema: ns, Table: table, From: unquoteName(h[1]), Where: where()})
				h = nil
			}
		} else if h != nil && table != "" && depth == 1 {
			m := identRE().FindStringSubmatch(code)
			if m == nil || m[2] == "" {
				return nil, fmt.Errorf("%s: a retort:renamed-from hint must end the line of a column (or of CREATE TABLE)", where())
			}
			out = append(out, Hint{Schema: ns, Table: table, Column: m[2], From: unquoteName(h[1]), Where: where()})
			h = nil
		}
		if h != nil {
			return nil, fmt.Errorf("%s: a retort:renamed-from hint must end the line of a column inside CREATE TABLE, or the CREATE TABLE line", where())
		}
		if table != "" {
			depth += strings.Count(code, "(") - strings.Count(code, ")")
			if depth <= 0 && strings.Contains(code, ";") {
				table, ns = "", ""
			}
		}
	}
	return out, nil
}

func splitName(s string) (ns, name string) {
	s = unquoteName(s)
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return unquoteName(s[:i]), unquoteName(s[i+1:])
	}
	return "", s
}

var unquoter = strings.NewReplacer(`"`, "", "`", "", "[", "", "]", "")

func unquoteName(s string) string { return unquoter.Replace(s) }
