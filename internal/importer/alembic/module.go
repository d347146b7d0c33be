package alembic

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/retortdb/retort/internal/script"
)

// module is one Alembic revision script, read.
type module struct {
	path      string // as found (for file:line)
	src       string
	id        string
	parents   []string
	labels    []string
	dependsOn []string
	message   string
	created   time.Time
	upgrade   *stmt // the def upgrade(), nil when absent
	downgrade *stmt
	// consts are the module's other top-level assignments of values
	// (an Enum type shared by upgrade and downgrade, a table name).
	consts map[string]expr
	// funcs are the module's other functions, which a section calling
	// one without arguments runs in place.
	funcs map[string]*stmt
}

var createDateRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^\s*Create Date:\s*(.*?)\s*$`) })

// readModule parses src (the file at path) into a module.
func readModule(path, src string) (*module, error) {
	src = strings.TrimPrefix(src, "\ufeff") // a UTF-8 byte order mark, as Python allows
	stmts, err := parseModule(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := &module{path: path, src: src, consts: map[string]expr{}, funcs: map[string]*stmt{}}
	seen := map[string]bool{}
	for i, s := range stmts {
		switch s.kind {
		case sExpr:
			if str, ok := s.expr.(*eStr); ok && i == 0 {
				m.readDoc(str.Value)
			}
		case sAssign:
			if err := m.assign(s); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, s.line, err)
			}
			seen[s.target] = true
			if v, attr, ok := strings.Cut(s.target, "."); ok {
				// my_enum.create_type = False at module level.
				if call, isCall := m.consts[v].(*eCall); isCall && pure(s.expr, 0) {
					c := *call
					c.Kw = append(append([]kwarg{}, call.Kw...), kwarg{Name: attr, Value: s.expr})
					m.consts[v] = &c
				}
			} else if pure(s.expr, 0) {
				m.consts[s.target] = s.expr
			}
		case sDef:
			switch s.target {
			case "upgrade":
				d := s
				m.upgrade = &d
			case "downgrade":
				d := s
				m.downgrade = &d
			default:
				d := s
				m.funcs[s.target] = &d
			}
		}
	}
	if !seen["revision"] || m.id == "" {
		return nil, fmt.Errorf("%s: no revision = \"…\" assignment: not an Alembic revision script", path)
	}
	if !seen["down_revision"] {
		return nil, fmt.Errorf("%s: no down_revision assignment: not an Alembic revision script", path)
	}
	return m, nil
}

// readDoc takes the message and create date from the module docstring, as
// Alembic's Script.doc does: the docstring stripped, up to its first blank
// line.
func (m *module) readDoc(doc string) {
	doc = strings.ReplaceAll(doc, "\r\n", "\n")
	trimmed := strings.TrimSpace(doc)
	if i := strings.Index(trimmed, "\n\n"); i >= 0 {
		m.message = trimmed[:i]
	} else {
		m.message = trimmed
	}
	if sm := createDateRE().FindStringSubmatch(doc); sm != nil {
		if t, err := script.ParseCreateDate(sm[1]); err == nil {
			m.created = t
		} else if t, err := time.ParseInLocation("2006-01-02", sm[1], time.Local); err == nil {
			m.created = t // a date written by hand, without the time
		}
	}
}

// assign reads the module-level assignments Alembic's revision model uses.
func (m *module) assign(s stmt) error {
	switch s.target {
	case "revision":
		v, ok := s.expr.(*eStr)
		if !ok || v.F {
			return fmt.Errorf("revision must be a string literal")
		}
		m.id = v.Value
	case "down_revision":
		ids, err := idList(s.expr, "down_revision")
		if err != nil {
			return err
		}
		m.parents = ids
	case "branch_labels":
		ids, err := idList(s.expr, "branch_labels")
		if err != nil {
			return err
		}
		m.labels = ids
	case "depends_on":
		ids, err := idList(s.expr, "depends_on")
		if err != nil {
			return err
		}
		m.dependsOn = ids
	}
	return nil
}

// idList reads None, a string, or a tuple/list of strings.
func idList(e expr, what string) ([]string, error) {
	switch v := e.(type) {
	case *eConst:
		if v.Name == "None" {
			return nil, nil
		}
	case *eStr:
		if !v.F {
			return []string{v.Value}, nil
		}
	case *eList:
		var out []string
		for _, it := range v.Items {
			s, ok := it.(*eStr)
			if !ok || s.F {
				return nil, fmt.Errorf("%s must be None, a string or a tuple of strings", what)
			}
			out = append(out, s.Value)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s must be None, a string or a tuple of strings", what)
}
