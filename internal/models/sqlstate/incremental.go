package sqlstate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/schema"
)

// Unit by unit: when the whole models' entry misses (a table changed),
// the models are split into units (units.go), each keyed by a hash of its
// statements, of the units it references (transitively, through their
// keys) and of everything a whole entry's key holds but the models' text
// (envFields). Units found in the project's pack are taken from it; the
// others run, together with the units they reference (their foreign keys
// need them), through Load as a whole of its own, and only their tables
// are taken from its result. The merged schema is sorted as an inspector
// sorts it.
//
// Whatever cannot be merged with certainty loads the models whole:
// statements that are not units, Go model packages, a run whose result
// holds anything but the run's tables, names shared by two units (a
// server could have named one differently in a whole load), a run that
// fails (Load then reports the error for the models' own files).
//
// Names a server chose itself can depend on other tables: PostgreSQL
// numbers a generated index, sequence or constraint name ("t_a_idx1") when
// the plain one is taken by another relation. A unit whose result holds a
// name that its statements do not spell, that ends in a digit and whose
// stem begins a name of another unit of the same run is not stored: it
// runs again each time, with whatever it collided with.

const (
	packPrefix = "units-"
	packSuffix = ".pack"
)

// pack is what a project's pack file holds: the inspected tables of each
// unit, by unit key, of the last run.
type pack struct {
	Format string
	Env    string
	Units  map[string]*unitEntry
}

type unitEntry struct {
	Tables              []*schema.Table
	LowerCaseTableNames int
}

// loadUnits loads the models unit by unit. ok is false when they must be
// loaded whole; err is set only when ctx is done.
func loadUnits(ctx context.Context, src Source, c Cache) (*schema.Schema, bool, error) {
	whole := func(why string) (*schema.Schema, bool, error) {
		c.told(loadReport{Why: why})
		return nil, false, nil
	}
	d, err := registry.Lookup(src.Dialect)
	if err != nil {
		return whole("unknown dialect")
	}
	lx, ok := d.(dialect.Lexer)
	if !ok {
		return whole("no lexical rules")
	}
	var stmts []Statement
	for _, p := range src.Files {
		fi, err := os.Stat(p)
		if err != nil || fi.IsDir() {
			return whole("Go model package")
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return whole("unreadable file")
		}
		ss, err := splitModel(string(data), src.Dialect)
		if err != nil {
			return whole("unsplittable file")
		}
		stmts = append(stmts, ss...)
	}
	texts := make([]string, len(stmts))
	for i, st := range stmts {
		texts[i] = st.SQL
	}
	perTable := false
	if n, ok := d.(dialect.TableIndexNamer); ok {
		perTable = n.IndexNamesPerTable()
	}
	units, ok := classify(texts, lx.LexicalRules())
	if !ok {
		return whole("statements that are not units")
	}

	env := sha256.New()
	envFields(fieldsOf(env), src, c)
	envKey := hex.EncodeToString(env.Sum(nil))
	keys := unitKeys(units, texts, envKey)
	proj := sha256.New()
	fieldsOf(proj)(envKey)
	fieldsOf(proj)(src.Files...)
	packPath := filepath.Join(c.Dir, packPrefix+hex.EncodeToString(proj.Sum(nil))[:32]+packSuffix)
	old := readPack(packPath, envKey)

	byName := map[string]*unit{}
	for _, u := range units {
		byName[u.name] = u
	}
	got := map[*unit]*unitEntry{}
	var missed []*unit
	for _, u := range units {
		if e := old.Units[keys[u]]; e != nil && tablesNamed(e.Tables, u.name) {
			got[u] = e
		} else {
			missed = append(missed, u)
		}
	}
	storable := map[*unit]bool{}
	rep := loadReport{Units: true, Hits: len(units) - len(missed)}
	if len(missed) > 0 {
		// The missed units and, transitively, those they reference.
		run := map[*unit]bool{}
		var visit func(u *unit)
		visit = func(u *unit) {
			if run[u] {
				return
			}
			run[u] = true
			for _, r := range u.refs {
				visit(byName[r])
			}
		}
		for _, u := range missed {
			visit(u)
		}
		var idx []int
		for u := range run {
			idx = append(idx, u.stmts...)
			rep.Ran = append(rep.Ran, u.name)
		}
		sort.Strings(rep.Ran)
		sort.Ints(idx)
		res, ok, err := loadSubset(ctx, src, stmts, idx)
		if err != nil {
			return nil, false, err
		}
		if !ok {
			return whole("the units' run failed")
		}
		if len(res.Namespaces)+len(res.Views)+len(res.Enums)+len(res.Sequences)+len(res.Extensions)+len(res.Objects)+len(res.Unmanaged) > 0 ||
			len(res.Tables) != len(run) {
			return whole("the run made more than tables")
		}
		fresh := map[*unit]*unitEntry{}
		for _, t := range res.Tables {
			u := byName[strings.ToLower(t.Name)]
			if t.Schema != "" || u == nil || !run[u] || fresh[u] != nil {
				return whole("a table of the run is not one unit's")
			}
			fresh[u] = &unitEntry{Tables: []*schema.Table{t}, LowerCaseTableNames: res.LowerCaseTableNames}
		}
		owners := ownersOf(fresh, perTable)
		for _, u := range missed {
			if fresh[u] == nil {
				return whole("a unit's table is missing")
			}
			got[u] = fresh[u]
			storable[u] = !collided(u, fresh[u].Tables, owners, perTable)
		}
	}

	// Merge, refusing a name two units share.
	out := &schema.Schema{}
	seen := map[string]*unit{}
	for i, u := range units {
		e := got[u]
		if e.LowerCaseTableNames != got[units[0]].LowerCaseTableNames {
			return whole("lower_case_table_names differs")
		}
		if i == 0 {
			out.LowerCaseTableNames = e.LowerCaseTableNames
		}
		for _, n := range namesOf(e.Tables, perTable) {
			if o := seen[n]; o != nil && o != u {
				return whole("two units share the name " + n)
			}
			seen[n] = u
		}
		out.Tables = append(out.Tables, e.Tables...)
	}
	p := pack{Format: cacheFormat, Env: envKey, Units: map[string]*unitEntry{}}
	ran := map[*unit]bool{}
	for _, u := range missed {
		ran[u] = true
	}
	for _, u := range units {
		if !ran[u] || storable[u] {
			p.Units[keys[u]] = got[u]
		}
	}
	// Rewritten unless it would hold what it holds.
	if len(missed) > 0 || len(p.Units) != len(old.Units) {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(&p); err == nil {
			writeAtomic(c.Dir, packPath, buf.Bytes())
		}
	}
	out.Sort()
	c.told(rep)
	return out, true, nil
}

// loadSubset runs the statements idx of stmts through Load, written to a
// file of their own. ok is false when they fail, or when that file would
// not split back into the same statements.
func loadSubset(ctx context.Context, src Source, stmts []Statement, idx []int) (*schema.Schema, bool, error) {
	var sb strings.Builder
	want := make([]string, len(idx))
	for i, k := range idx {
		sql := stmts[k].SQL
		want[i] = sql
		sb.WriteString(sql)
		if last := sql[strings.LastIndexByte(sql, '\n')+1:]; strings.Contains(last, "--") || strings.Contains(last, "#") {
			sb.WriteString("\n;\n")
		} else {
			sb.WriteString(";\n")
		}
	}
	back, err := splitModel(sb.String(), src.Dialect)
	if err != nil || len(back) != len(want) {
		return nil, false, nil
	}
	for i, st := range back {
		if st.SQL != want[i] {
			return nil, false, nil
		}
	}
	f, err := os.CreateTemp("", "retort-models-*.sql")
	if err != nil {
		return nil, false, nil
	}
	defer os.Remove(f.Name())
	_, err = f.WriteString(sb.String())
	if cerr := f.Close(); err != nil || cerr != nil {
		return nil, false, nil
	}
	sub := src
	sub.Files = []string{f.Name()}
	s, err := Load(ctx, sub)
	if err != nil {
		return nil, false, ctx.Err()
	}
	return s, true, nil
}

// unitKeys gives each unit its key: the hash of its own statements and
// of the keys of the units it references. Units that reference each other
// (a cycle of foreign keys) share their component's hash.
func unitKeys(units []*unit, texts []string, envKey string) map[*unit]string {
	byName := map[string]*unit{}
	for _, u := range units {
		byName[u.name] = u
	}
	own := map[*unit]string{}
	for _, u := range units {
		h := sha256.New()
		f := fieldsOf(h)
		f("unit", u.name)
		for _, i := range u.stmts {
			f(texts[i])
			// Where the statement stands among those of the units it
			// references: a foreign key made before its target's table
			// fails, so another order is another key.
			for _, r := range u.refs {
				ss := byName[r].stmts
				f(r, fmt.Sprint(sort.SearchInts(ss, i)))
			}
		}
		own[u] = hex.EncodeToString(h.Sum(nil))
	}
	// Tarjan's strongly connected components; a component is complete
	// only after all it reaches, so its key can use theirs.
	index, low := map[*unit]int{}, map[*unit]int{}
	onStack := map[*unit]bool{}
	var stack []*unit
	comp := map[*unit]string{}
	n := 0
	var strong func(u *unit)
	strong = func(u *unit) {
		index[u], low[u] = n, n
		n++
		stack = append(stack, u)
		onStack[u] = true
		for _, r := range u.refs {
			v := byName[r]
			if _, seen := index[v]; !seen {
				strong(v)
				low[u] = min(low[u], low[v])
			} else if onStack[v] {
				low[u] = min(low[u], index[v])
			}
		}
		if low[u] != index[u] {
			return
		}
		var members []*unit
		for {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[v] = false
			members = append(members, v)
			if v == u {
				break
			}
		}
		in := map[*unit]bool{}
		var parts, deps []string
		for _, m := range members {
			in[m] = true
			parts = append(parts, own[m])
		}
		for _, m := range members {
			for _, r := range m.refs {
				if v := byName[r]; !in[v] {
					deps = append(deps, comp[v])
				}
			}
		}
		sort.Strings(parts)
		sort.Strings(deps)
		h := sha256.New()
		f := fieldsOf(h)
		f(envKey, "members")
		f(parts...)
		f("references")
		f(deps...)
		key := hex.EncodeToString(h.Sum(nil))
		for _, m := range members {
			comp[m] = key
		}
	}
	for _, u := range units {
		if _, seen := index[u]; !seen {
			strong(u)
		}
	}
	keys := map[*unit]string{}
	for _, u := range units {
		h := sha256.New()
		fieldsOf(h)(comp[u], u.name)
		keys[u] = hex.EncodeToString(h.Sum(nil))
	}
	return keys
}

func fieldsOf(h hash.Hash) func(...string) {
	return func(parts ...string) {
		for _, p := range parts {
			fmt.Fprintf(h, "%d:%s;", len(p), p)
		}
	}
}

// readPack reads a project's pack; anything unreadable, of another format
// or of another environment is an empty pack.
func readPack(path, envKey string) pack {
	var p pack
	data, err := os.ReadFile(path)
	if err != nil || gob.NewDecoder(bytes.NewReader(data)).Decode(&p) != nil || p.Format != cacheFormat || p.Env != envKey {
		return pack{}
	}
	return p
}

// tablesNamed says whether a cached entry holds exactly the unit's table.
func tablesNamed(ts []*schema.Table, name string) bool {
	return len(ts) == 1 && ts[0] != nil && ts[0].Schema == "" && strings.ToLower(ts[0].Name) == name
}

// namesOf lists, folded, the names a server keeps in namespaces wider than
// one table (or may): tables, indexes, keys, constraints and sequences.
// Index and key names are left out where they are the table's own
// (dialect.TableIndexNamer).
func namesOf(ts []*schema.Table, perTable bool) []string {
	var out []string
	add := func(n string) {
		if n != "" {
			out = append(out, strings.ToLower(n))
		}
	}
	for _, t := range ts {
		add(t.Name)
		if !perTable {
			if t.PrimaryKey != nil {
				add(t.PrimaryKey.Name)
			}
			for _, x := range t.Uniques {
				add(x.Name)
			}
			for _, x := range t.Indexes {
				add(x.Name)
			}
		}
		for _, x := range t.ForeignKeys {
			add(x.Name)
		}
		for _, x := range t.Checks {
			add(x.Name)
		}
		for _, x := range t.Exclusions {
			add(x.Name)
		}
		for _, c := range t.Columns {
			if c.Sequence != nil {
				add(c.Sequence.Name)
			}
		}
	}
	return out
}

// owned is a name of a run's result and the unit it belongs to.
type owned struct {
	name string
	u    *unit
}

// ownersOf lists every name of a run's units, sorted.
func ownersOf(fresh map[*unit]*unitEntry, perTable bool) []owned {
	var out []owned
	for u, e := range fresh {
		for _, n := range namesOf(e.Tables, perTable) {
			out = append(out, owned{n, u})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// collided says whether u's result holds a name the server may have
// numbered because another unit of the run had taken the plain one.
func collided(u *unit, ts []*schema.Table, owners []owned, perTable bool) bool {
	for _, n := range namesOf(ts, perTable) {
		if u.idents[n] || n == "" || n[len(n)-1] < '0' || n[len(n)-1] > '9' {
			continue
		}
		stem := strings.TrimRight(n, "0123456789")
		i := sort.Search(len(owners), func(i int) bool { return owners[i].name >= stem })
		for ; i < len(owners) && strings.HasPrefix(owners[i].name, stem); i++ {
			if owners[i].u != u {
				return true
			}
		}
	}
	return false
}
