package gostruct

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// pkg is the parsed source of one package.
type pkg struct {
	fset  *token.FileSet
	name  string
	files []*ast.File
	decls map[string]*typeDecl
	// tableNames: struct name → TableName() method.
	tableNames map[string]*tableNameMethod
}

type typeDecl struct {
	name       string
	spec       *ast.TypeSpec
	file       *ast.File
	doc        *ast.CommentGroup
	directives map[string]directive
}

type directive struct {
	value string
	pos   Pos
}

type tableNameMethod struct {
	name string // "" when the body is not a string literal
	pos  Pos
}

// Load reads the package in dir (its non-test .go files that match the
// current build context) and returns its model structs. Errors name the
// file:line of every problem (an ErrorList).
func Load(dir string) (*Model, error) {
	p, e, err := parsePackage(dir)
	if err != nil {
		return nil, err
	}
	return p.model(dir, e)
}

// parsePackage parses dir's files. A package that does not parse is an
// error; problems in directives come back in errs to be reported along with
// the model's.
func parsePackage(dir string) (*pkg, *errs, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read models package: %w", err)
	}
	p := &pkg{fset: token.NewFileSet(), decls: map[string]*typeDecl{}, tableNames: map[string]*tableNameMethod{}}
	var e errs
	ctx := build.Default
	for _, ent := range entries {
		name := ent.Name()
		if ent.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := ctx.MatchFile(dir, name); err != nil || !ok {
			if err != nil {
				e.add(Pos{File: filepath.Join(dir, name), Line: 1}, "%v", err)
			}
			continue
		}
		fn := filepath.Join(dir, name)
		f, err := parser.ParseFile(p.fset, fn, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			var sl scanner.ErrorList
			if errors.As(err, &sl) {
				for _, se := range sl {
					e.add(posOf(se.Pos), "syntax error: %s (the models package must parse; fix the Go source)", se.Msg)
				}
			} else {
				e.add(Pos{File: fn, Line: 1}, "%v", err)
			}
			continue
		}
		if p.name == "" {
			p.name = f.Name.Name
		} else if f.Name.Name != p.name {
			e.add(posOf(p.fset.Position(f.Name.Pos())), "package %s, but other files in %s are package %s: a models folder holds one package", f.Name.Name, dir, p.name)
			continue
		}
		p.files = append(p.files, f)
	}
	if err := e.err(); err != nil {
		return nil, nil, err
	}
	if len(p.files) == 0 {
		return nil, nil, fmt.Errorf("models package %s: no Go files (point models at the folder of the package that declares the model structs)", dir)
	}
	for _, f := range p.files {
		p.collect(f, &e)
	}
	return p, &e, nil
}

func (p *pkg) pos(n ast.Node) Pos { return posOf(p.fset.Position(n.Pos())) }

func (p *pkg) collect(f *ast.File, e *errs) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok != token.TYPE {
				continue
			}
			for _, s := range d.Specs {
				ts := s.(*ast.TypeSpec)
				doc := ts.Doc
				if doc == nil && len(d.Specs) == 1 {
					doc = d.Doc
				}
				td := &typeDecl{name: ts.Name.Name, spec: ts, file: f, doc: doc, directives: map[string]directive{}}
				if doc != nil {
					for _, c := range doc.List {
						text, ok := strings.CutPrefix(c.Text, "//retort:")
						if !ok {
							continue
						}
						key, val, _ := strings.Cut(text, " ")
						key = strings.TrimSpace(key)
						switch key {
						case "table", "model", "ignore", "comment", "type", "enum", "renamed-from":
						default:
							e.add(p.pos(c), "unknown directive //retort:%s (known: table, model, ignore, comment, type, enum, renamed-from)", key)
							continue
						}
						td.directives[key] = directive{value: strings.TrimSpace(val), pos: p.pos(c)}
					}
				}
				p.decls[td.name] = td
			}
		case *ast.FuncDecl:
			if d.Name.Name != "TableName" || d.Recv == nil || len(d.Recv.List) != 1 {
				continue
			}
			recv := d.Recv.List[0].Type
			if st, ok := recv.(*ast.StarExpr); ok {
				recv = st.X
			}
			id, ok := recv.(*ast.Ident)
			if !ok {
				continue
			}
			m := &tableNameMethod{pos: p.pos(d)}
			if d.Body != nil && len(d.Body.List) == 1 {
				if r, ok := d.Body.List[0].(*ast.ReturnStmt); ok && len(r.Results) == 1 {
					if lit, ok := r.Results[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if s, err := strconv.Unquote(lit.Value); err == nil {
							m.name = s
						}
					}
				}
			}
			p.tableNames[id.Name] = m
		}
	}
}

// imports maps a file's import names to paths.
func fileImports(f *ast.File) map[string]string {
	m := map[string]string{}
	for _, im := range f.Imports {
		ip, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			continue
		}
		var name string
		if im.Name != nil {
			name = im.Name.Name
		} else {
			name = defaultImportName(ip)
		}
		if name == "_" || name == "." {
			continue
		}
		m[name] = ip
	}
	return m
}

// defaultImportName guesses a package's name from its import path, the way
// goimports does: the last element, skipping a major-version suffix and
// go-/.v1 decorations.
func defaultImportName(ip string) string {
	elems := strings.Split(ip, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && isDigits(last[1:]) {
		last = elems[len(elems)-2]
	}
	if i := strings.Index(last, ".v"); i > 0 && isDigits(last[i+2:]) {
		last = last[:i]
	}
	last = strings.TrimPrefix(strings.TrimPrefix(last, "go-"), "go.")
	if i := strings.IndexByte(last, '.'); i > 0 {
		last = last[:i]
	}
	return strings.ReplaceAll(last, "-", "_")
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// structOf returns the struct type of a local declaration, following local
// aliases and definitions (type A B).
func (p *pkg) structOf(name string) (*typeDecl, *ast.StructType) {
	seen := map[string]bool{}
	for !seen[name] {
		seen[name] = true
		td := p.decls[name]
		if td == nil || td.spec.TypeParams != nil {
			return nil, nil
		}
		switch t := td.spec.Type.(type) {
		case *ast.StructType:
			return td, t
		case *ast.Ident:
			name = t.Name
		default:
			return nil, nil
		}
	}
	return nil, nil
}

// model decides which structs are models and builds their tables.
func (p *pkg) model(dir string, e *errs) (*Model, error) {
	// Structs embedded anonymously in other structs are building blocks
	// (shared timestamp fields), not tables of their own.
	embedded := map[string]bool{}
	for _, td := range p.decls {
		st, ok := td.spec.Type.(*ast.StructType)
		if !ok {
			continue
		}
		for _, f := range st.Fields.List {
			gormEmbedded := false
			if f.Tag != nil {
				_, gormEmbedded = parseTagSetting(reflect.StructTag(unquoteTag(f.Tag.Value)).Get("gorm"), ";")["EMBEDDED"]
			}
			if len(f.Names) == 0 || gormEmbedded {
				if id := baseIdent(f.Type); id != nil {
					embedded[id.Name] = true
				}
			}
		}
	}
	names := make([]string, 0, len(p.decls))
	for n := range p.decls {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := p.pos(p.decls[names[i]].spec), p.pos(p.decls[names[j]].spec)
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	m := &Model{Dir: dir, Package: p.name}
	b := &builder{p: p, e: e, m: m, enums: map[string]*Enum{}}
	type pick struct {
		td     *typeDecl
		st     *ast.StructType
		flavor Flavor
	}
	picked := map[string]*pick{}
	for _, n := range names {
		td := p.decls[n]
		st, ok := td.spec.Type.(*ast.StructType)
		if !ok {
			for _, k := range []string{"table", "model"} {
				if d, ok := td.directives[k]; ok {
					e.add(d.pos, "//retort:%s on %s, which is not a struct type", k, n)
				}
			}
			continue
		}
		if _, ok := td.directives["ignore"]; ok {
			continue
		}
		if !ast.IsExported(n) && len(td.directives) == 0 {
			continue
		}
		_, hasTable := td.directives["table"]
		_, hasModel := td.directives["model"]
		_, hasTN := p.tableNames[n]
		tagged, gormish := p.scanTags(st, map[string]bool{n: true})
		if !(hasTable || hasModel || hasTN || (tagged && !embedded[n])) {
			continue
		}
		if td.spec.TypeParams != nil {
			e.add(p.pos(td.spec), "model struct %s has type parameters; retort reads only concrete structs (add //retort:ignore to skip it)", n)
			continue
		}
		flavor := FlavorRetort
		if gormish || td.directives["model"].value == "gorm" {
			flavor = FlavorGORM
		}
		picked[n] = &pick{td, st, flavor}
	}
	// GORM models pull in the structs their associations name, as
	// AutoMigrate needs those tables for the foreign keys.
	for changed := true; changed; {
		changed = false
		for _, n := range names {
			pk := picked[n]
			if pk == nil || pk.flavor != FlavorGORM {
				continue
			}
			for _, target := range p.associations(pk.st, pk.td.file, map[string]bool{n: true}) {
				if picked[target] != nil {
					continue
				}
				td, st := p.structOf(target)
				if st == nil || td.spec.TypeParams != nil {
					continue
				}
				if _, ok := td.directives["ignore"]; ok {
					continue
				}
				picked[target] = &pick{td, st, FlavorGORM}
				changed = true
			}
		}
	}
	for _, n := range names {
		if pk := picked[n]; pk != nil {
			b.table(pk.td, pk.st, pk.flavor)
		}
	}
	b.finish()
	if err := e.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// associations lists the local structs a GORM struct's association fields
// (struct, pointer or slice typed, not embedded) name.
func (p *pkg) associations(st *ast.StructType, file *ast.File, seen map[string]bool) []string {
	var out []string
	for _, f := range st.Fields.List {
		embeddedTag := false
		if f.Tag != nil {
			settings := parseTagSetting(reflect.StructTag(unquoteTag(f.Tag.Value)).Get("gorm"), ";")
			if v, ok := settings["-"]; ok && v != "" || gormSerialized(settings) {
				continue
			}
			_, embeddedTag = settings["EMBEDDED"]
		}
		g := p.resolve(f.Type, file)
		if g.kind != "struct" || g.external != "" {
			continue
		}
		if (len(f.Names) == 0 || embeddedTag) && !g.slice {
			if !seen[g.structName] {
				seen[g.structName] = true
				if etd, est := p.structOf(g.structName); est != nil {
					out = append(out, p.associations(est, etd.file, seen)...)
				}
			}
			continue
		}
		out = append(out, g.structName)
	}
	return out
}

// scanTags reports whether a struct (with its local embedded structs)
// carries db/retort/gorm tags, and whether it is GORM-flavoured (any gorm
// tag, or an embedded gorm.Model).
func (p *pkg) scanTags(st *ast.StructType, seen map[string]bool) (tagged, gormish bool) {
	for _, f := range st.Fields.List {
		if f.Tag != nil {
			tag := reflect.StructTag(unquoteTag(f.Tag.Value))
			if _, ok := tag.Lookup("gorm"); ok {
				tagged, gormish = true, true
			}
			if _, ok := tag.Lookup("db"); ok {
				tagged = true
			}
			if _, ok := tag.Lookup("retort"); ok {
				tagged = true
			}
		}
		if sel, ok := unstar(f.Type).(*ast.SelectorExpr); ok && len(f.Names) == 0 {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "gorm" && sel.Sel.Name == "Model" {
				tagged, gormish = true, true
			}
		}
		if len(f.Names) == 0 {
			if id, ok := unstar(f.Type).(*ast.Ident); ok && !seen[id.Name] {
				if _, est := p.structOf(id.Name); est != nil {
					seen[id.Name] = true
					t, g := p.scanTags(est, seen)
					tagged = tagged || t
					gormish = gormish || g
				}
			}
		}
	}
	return tagged, gormish
}

func unquoteTag(s string) string {
	u, err := strconv.Unquote(s)
	if err != nil {
		return ""
	}
	return u
}

func unstar(x ast.Expr) ast.Expr {
	for {
		s, ok := x.(*ast.StarExpr)
		if !ok {
			return x
		}
		x = s.X
	}
}

func baseIdent(x ast.Expr) *ast.Ident {
	id, _ := unstar(x).(*ast.Ident)
	return id
}

// exprString renders a type expression as written.
func exprString(x ast.Expr) string {
	switch t := x.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.StarExpr:
		return "*" + exprString(t.X)
	case *ast.SelectorExpr:
		return exprString(t.X) + "." + t.Sel.Name
	case *ast.ArrayType:
		if t.Len == nil {
			return "[]" + exprString(t.Elt)
		}
		if l, ok := t.Len.(*ast.BasicLit); ok {
			return "[" + l.Value + "]" + exprString(t.Elt)
		}
		return "[...]" + exprString(t.Elt)
	case *ast.MapType:
		return "map[" + exprString(t.Key) + "]" + exprString(t.Value)
	case *ast.IndexExpr:
		return exprString(t.X) + "[" + exprString(t.Index) + "]"
	case *ast.InterfaceType:
		return "interface{}"
	case *ast.ChanType:
		return "chan " + exprString(t.Value)
	case *ast.FuncType:
		return "func(…)"
	case *ast.StructType:
		return "struct{…}"
	}
	return fmt.Sprintf("%T", x)
}
