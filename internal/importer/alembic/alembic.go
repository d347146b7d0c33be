// Package alembic imports an Alembic history: each revision script becomes a
// retort revision with the same id, parents, branch labels, depends_on,
// message and create date. Bodies are translated from op.* calls without
// running Python, or rendered by Alembic itself in offline mode.
//
// The translation reads each script with a tokenizer and parser for the
// Python subset Alembic scripts use (pylex.go, pyparse.go), turns op.*
// calls into schema changes on a schema tracked through the revisions in
// graph order (state.go), and renders them with the target dialect's own
// renderer. What it cannot translate becomes a marked block quoting the
// Python, which fails upgrade until a person replaces it.
//
// It imports internal/importer (the contract), internal/script (the files
// it describes), internal/dialect (the renderer) and schema; never a
// database package, the façade or the CLI.
package alembic

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/importer"
	"github.com/retortdb/retort/internal/script"
)

// Options are the choices of an Alembic import.
type Options struct {
	// Dialect is the target database's dialect: translated operations are
	// rendered in its SQL.
	Dialect dialect.Dialect
	// ViaAlembic renders each revision with Alembic's own offline mode
	// (Python and Alembic must be installed) instead of translating it.
	ViaAlembic bool
	// Python is the interpreter for ViaAlembic ("" = python3).
	Python string
	// SQLAlchemyDialect overrides the SQLAlchemy dialect ViaAlembic
	// renders for ("" = the target dialect's own: "postgresql", "mysql",
	// "sqlite"); "mariadb" writes MariaDB's spelling where it differs
	// from MySQL's (DROP CONSTRAINT for a check).
	SQLAlchemyDialect string
}

// Import reads the Alembic history at path (a versions folder or an
// alembic.ini) and returns its revisions in graph order.
func Import(ctx context.Context, path string, opts Options) ([]importer.Revision, importer.Report, error) {
	if opts.Dialect == nil {
		return nil, importer.Report{}, fmt.Errorf("import alembic: no target dialect; set the database URL (or its dialect) of the retort project")
	}
	dirs, err := versionDirs(path)
	if err != nil {
		return nil, importer.Report{}, err
	}
	mods, err := readModules(dirs)
	if err != nil {
		return nil, importer.Report{}, err
	}
	order, err := graphOrder(mods)
	if err != nil {
		return nil, importer.Report{}, err
	}
	if opts.ViaAlembic {
		return viaAlembic(ctx, order, opts)
	}
	return translateAll(order, opts.Dialect)
}

// translateAll translates every revision, tracking the schema in graph
// order: a revision starts from the union of its parents' end states.
func translateAll(order []*module, d dialect.Dialect) ([]importer.Revision, importer.Report, error) {
	rep := importer.Report{Format: "alembic"}
	ends := map[string]*state{}
	children := map[string]int{}
	for _, m := range order {
		for _, p := range m.parents {
			children[p]++
		}
	}
	stamp := 0
	var out []importer.Revision
	for _, m := range order {
		var st *state
		if len(m.parents) == 1 && children[m.parents[0]] == 1 {
			// The only child takes its parent's state over: a linear
			// history is tracked without copying.
			st = ends[m.parents[0]]
			delete(ends, m.parents[0])
		} else {
			var parents []*state
			for _, p := range m.parents {
				parents = append(parents, ends[p])
			}
			st = merge(parents)
		}
		up, err := newTranslator(d, st, &stamp, m, "upgrade")
		if err != nil {
			return nil, rep, err
		}
		if m.upgrade != nil {
			up.section(m.upgrade.body)
		}
		ends[m.id] = st
		down, err := newTranslator(d, st.overlay(), &stamp, m, "downgrade")
		if err != nil {
			return nil, rep, err
		}
		if m.downgrade != nil {
			down.section(m.downgrade.body)
		}
		rev := importer.Revision{
			File: script.NewFile{
				ID: m.id, Message: m.message, Parents: m.parents, BranchLabels: m.labels, DependsOn: m.dependsOn,
				CreateDate: m.created, Upgrade: sectionBody(up.body()), Downgrade: sectionBody(down.body()),
				NoTransaction: up.noTx || down.noTx,
			},
			Source:        m.path,
			SourceVersion: m.id,
			Manual:        append(up.manual, down.manual...),
		}
		out = append(out, rev)
		rep.Manual = append(rep.Manual, rev.Manual...)
		rep.Notes = append(rep.Notes, up.notes...)
		rep.Notes = append(rep.Notes, down.notes...)
		if len(rev.Manual) == 0 {
			rep.Translated++
		}
	}
	rep.Revisions = len(out)
	return out, rep, nil
}

// sectionBody marks a section that does nothing, as Alembic's "pass" does.
func sectionBody(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-- +retort empty"
	}
	return s
}

// VersionDirs returns the folders holding the revision scripts of the
// Alembic history at path (as Import reads it).
func VersionDirs(path string) ([]string, error) { return versionDirs(path) }

// versionDirs finds the folders holding the revision scripts: path is an
// alembic.ini, a project folder holding one, or a versions folder.
func versionDirs(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("import alembic: %w; give the Alembic versions folder or its alembic.ini", err)
	}
	if fi.IsDir() {
		ini := filepath.Join(path, "alembic.ini")
		if _, err := os.Stat(ini); err == nil {
			return iniVersionDirs(ini)
		}
		if v := filepath.Join(path, "versions"); isDir(v) && fileExists(filepath.Join(path, "env.py")) {
			return []string{v}, nil
		}
		return []string{path}, nil
	}
	return iniVersionDirs(path)
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// iniVersionDirs reads script_location and version_locations from the
// [alembic] section of an alembic.ini, with %(here)s the ini's folder.
func iniVersionDirs(ini string) ([]string, error) {
	f, err := os.Open(ini)
	if err != nil {
		return nil, fmt.Errorf("import alembic: %w", err)
	}
	defer f.Close()
	here, _ := filepath.Abs(filepath.Dir(ini))
	keys := map[string]string{}
	section := ""
	last := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "#") || strings.HasPrefix(trim, ";") {
			continue
		}
		if strings.HasPrefix(trim, "[") && strings.HasSuffix(trim, "]") {
			section = strings.TrimSpace(trim[1 : len(trim)-1])
			continue
		}
		if section != "alembic" {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			keys[last] += " " + trim // a continuation line
			continue
		}
		k, v, ok := strings.Cut(trim, "=")
		if !ok {
			k, v, ok = strings.Cut(trim, ":")
		}
		if ok {
			last = strings.TrimSpace(k)
			keys[last] = strings.TrimSpace(v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("import alembic: read %s: %w", ini, err)
	}
	expand := func(s string) string {
		s = strings.ReplaceAll(s, "%(here)s", here)
		return strings.ReplaceAll(s, "%%", "%")
	}
	loc, ok := keys["script_location"]
	if !ok {
		return nil, fmt.Errorf("import alembic: %s has no script_location in its [alembic] section", ini)
	}
	if strings.Contains(loc, ":") && !filepath.IsAbs(loc) && !strings.Contains(loc, "%(here)s") {
		return nil, fmt.Errorf("import alembic: script_location %q names a Python package; give the versions folder instead", loc)
	}
	loc = expand(loc)
	if !filepath.IsAbs(loc) {
		loc = filepath.Join(filepath.Dir(ini), loc)
	}
	recursive := strings.EqualFold(keys["recursive_version_locations"], "true")
	vl, ok := keys["version_locations"]
	if !ok {
		return withSubdirs([]string{filepath.Join(loc, "versions")}, recursive), nil
	}
	sep := keys["version_path_separator"]
	var parts []string
	switch sep {
	case "", "space":
		parts = strings.FieldsFunc(vl, func(r rune) bool { return r == ' ' || r == ',' })
	case "os":
		parts = filepath.SplitList(vl)
	case "newline":
		parts = strings.Fields(vl)
	default:
		parts = strings.Split(vl, sep)
	}
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(expand(p))
		if p == "" {
			continue
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(ini), p)
		}
		out = append(out, p)
	}
	return withSubdirs(out, recursive), nil
}

// withSubdirs adds the folders under dirs when recursive (Alembic's
// recursive_version_locations), leaving out __pycache__.
func withSubdirs(dirs []string, recursive bool) []string {
	if !recursive {
		return dirs
	}
	var out []string
	for _, d := range dirs {
		out = append(out, d) // reported by readModules when it is missing
		_ = filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if e.IsDir() && p != d {
				if e.Name() == "__pycache__" {
					return filepath.SkipDir
				}
				out = append(out, p)
			}
			return nil
		})
	}
	return out
}

// readModules reads every revision script (*.py) of dirs.
func readModules(dirs []string) ([]*module, error) {
	var mods []*module
	seen := map[string]string{}
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("import alembic: %w; give the Alembic versions folder or its alembic.ini", err)
		}
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || !strings.HasSuffix(n, ".py") || n == "__init__.py" || strings.HasPrefix(n, ".#") {
				continue
			}
			p := filepath.Join(dir, n)
			src, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("import alembic: %w", err)
			}
			m, err := readModule(p, string(src))
			if err != nil {
				return nil, fmt.Errorf("import alembic: %w", err)
			}
			if prev, ok := seen[m.id]; ok {
				return nil, fmt.Errorf("import alembic: revision %s is in both %s and %s; remove one", m.id, prev, p)
			}
			seen[m.id] = p
			mods = append(mods, m)
		}
	}
	if len(mods) == 0 {
		return nil, fmt.Errorf("import alembic: no revision scripts (*.py) in %s; give the Alembic versions folder or its alembic.ini", strings.Join(dirs, ", "))
	}
	return mods, nil
}

// graphOrder sorts modules so that parents and dependencies come first
// (ties by id), and checks that every parent exists.
func graphOrder(mods []*module) ([]*module, error) {
	byID := map[string]*module{}
	labels := map[string]string{}
	for _, m := range mods {
		byID[m.id] = m
		for _, l := range m.labels {
			labels[l] = m.id
		}
	}
	resolve := func(ref string) string {
		if _, ok := byID[ref]; ok {
			return ref
		}
		if id, ok := labels[ref]; ok {
			return id
		}
		var match string
		for id := range byID {
			if strings.HasPrefix(id, ref) {
				if match != "" {
					return ""
				}
				match = id
			}
		}
		return match
	}
	deps := map[string][]string{}
	for _, m := range mods {
		for _, p := range m.parents {
			if _, ok := byID[p]; !ok {
				return nil, fmt.Errorf("import alembic: %s: down_revision %s is not among the revision scripts; add its file or fix down_revision", m.path, p)
			}
			deps[m.id] = append(deps[m.id], p)
		}
		for _, d := range m.dependsOn {
			id := resolve(d)
			if id == "" {
				return nil, fmt.Errorf("import alembic: %s: depends_on %s names no revision or branch label of the history", m.path, d)
			}
			deps[m.id] = append(deps[m.id], id)
		}
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []*module
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(id string, path []string) error
	visit = func(id string, path []string) error {
		switch state[id] {
		case 1:
			return fmt.Errorf("import alembic: the revisions form a cycle: %s", strings.Join(append(path, id), " -> "))
		case 2:
			return nil
		}
		state[id] = 1
		for _, d := range deps[id] {
			if err := visit(d, append(path, id)); err != nil {
				return err
			}
		}
		state[id] = 2
		out = append(out, byID[id])
		return nil
	}
	for _, id := range ids {
		if err := visit(id, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}
