package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/retortdb/retort/schema"
)

// Inspect reads the schema of the current database (DATABASE()) with a
// fixed number of information_schema queries, whatever the number of
// tables. Column collations equal to their table's are left empty, and
// MariaDB's quoted defaults are kept as the SQL text they are, so two equal
// schemas compare equal.
func Inspect(ctx context.Context, db schema.Querier, o schema.InspectOptions) (*schema.Schema, error) {
	if err := o.Filter.Validate(); err != nil {
		return nil, err
	}
	in := &inspector{db: db, o: o, s: &schema.Schema{}, tables: map[string]*schema.Table{}}
	steps := []struct {
		what string
		fn   func(context.Context) error
	}{
		{"server settings", in.settings},
		{"tables", in.loadTables},
		{"columns", in.columns},
		{"spatial reference systems", in.spatialRefs},
		{"indexes", in.indexes},
		{"foreign keys", in.foreignKeys},
		{"checks", in.checks},
		{"partitions", in.partitions},
		{"sequences", in.sequences},
		{"views", in.views},
		{"triggers", in.triggers},
		{"routines", in.routines},
		{"events", in.events},
	}
	for _, st := range steps {
		if err := st.fn(ctx); err != nil {
			return nil, fmt.Errorf("inspect mysql %s: %w", st.what, err)
		}
	}
	for _, t := range in.s.Tables {
		for _, c := range t.Columns {
			if c.Collation == t.Collation {
				c.Collation = ""
			}
		}
	}
	in.s.Sort()
	return in.s, nil
}

// settings reads how the server compares table names
// (lower_case_table_names), which the diff needs.
func (in *inspector) settings(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, "SELECT @@lower_case_table_names")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(&in.s.LowerCaseTableNames); err != nil {
			return err
		}
	}
	return rows.Err()
}

type inspector struct {
	db     schema.Querier
	o      schema.InspectOptions
	s      *schema.Schema
	dbname string
	tables map[string]*schema.Table
	// created caches SHOW CREATE statements by "KIND name".
	created map[string]string
	// spatial is set when a column read has a spatial type.
	spatial bool
}

// spatialColumn reports whether COLUMN_TYPE typ is a spatial type
// (MySQL also spells geometrycollection geomcollection).
func spatialColumn(typ string) bool {
	w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(typ)), " ")
	return spatialTypes[w] || w == "geomcollection"
}

func (in *inspector) loadTables(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT DATABASE(), TABLE_NAME, TABLE_TYPE, coalesce(ENGINE, ''), coalesce(TABLE_COLLATION, ''), coalesce(TABLE_COMMENT, ''), coalesce(CREATE_OPTIONS, '')
FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var dbname sql.NullString
		var name, typ, engine, coll, comment, opts string
		if err := rows.Scan(&dbname, &name, &typ, &engine, &coll, &comment, &opts); err != nil {
			return err
		}
		in.dbname = dbname.String
		if in.o.Skipped("", name) {
			continue
		}
		switch typ {
		case "BASE TABLE":
		case "VIEW":
			continue
		case "SEQUENCE":
			in.s.Sequences = append(in.s.Sequences, &schema.Sequence{Name: name, Comment: comment})
			continue
		default:
			in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: strings.ToLower(typ), Name: name})
			continue
		}
		t := &schema.Table{Name: name, Engine: engine, Collation: coll, Comment: comment, Options: tableOptions(opts)}
		in.tables[name] = t
		in.s.Tables = append(in.s.Tables, t)
	}
	return rows.Err()
}

// tableOptions normalizes information_schema's CREATE_OPTIONS: the
// options sorted, one space apart.
func tableOptions(opts string) string {
	var f []string
	for _, o := range strings.Fields(opts) {
		if !strings.EqualFold(o, "partitioned") { // Table.Partitioning says so
			f = append(f, o)
		}
	}
	sort.Strings(f)
	return strings.Join(f, " ")
}

var autoIncrementRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bauto_increment\b`) })
var onUpdateRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bon update (.+)$`) })

func (in *inspector) columns(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, COLUMN_TYPE, coalesce(COLLATION_NAME, ''),
  coalesce(EXTRA, ''), coalesce(COLUMN_COMMENT, ''), coalesce(GENERATION_EXPRESSION, ''), coalesce(IS_GENERATED, '')
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var table, name, nullable, typ, coll, extra, comment, genExpr, isGen string
		var def sql.NullString
		if err := rows.Scan(&table, &name, &def, &nullable, &typ, &coll, &extra, &comment, &genExpr, &isGen); err != nil {
			return err
		}
		t := in.tables[table]
		if t == nil {
			continue
		}
		c := &schema.Column{Name: name, Type: parseType(typ), Nullable: nullable == "YES", Collation: coll, Comment: comment}
		if spatialColumn(typ) {
			in.spatial = true
		}
		if def.Valid && !(def.String == "NULL") {
			// nextval(`db`.`seq`): the database is this one, named
			// differently wherever the schema is built.
			c.Default = strings.ReplaceAll(def.String, quote(in.dbname)+".", "")
		}
		lower := strings.ToLower(extra)
		if autoIncrementRe().MatchString(extra) {
			c.AutoIncrement = true
		}
		if m := onUpdateRe().FindStringSubmatch(extra); m != nil {
			c.OnUpdate = strings.TrimSpace(m[1])
		}
		if strings.Contains(lower, "generated") && genExpr != "" && !strings.Contains(lower, "default_generated") || isGen == "ALWAYS" {
			c.Generated = &schema.Generated{Expr: genExpr, Stored: strings.Contains(lower, "stored") || strings.Contains(lower, "persistent")}
			c.Default = ""
		}
		t.Columns = append(t.Columns, c)
	}
	return rows.Err()
}

func (in *inspector) indexes(ctx context.Context) error {
	rows, err := in.statistics(ctx)
	if err != nil {
		return err
	}
	defer rows.Close()
	var last *schema.Index
	var lastTable string
	for rows.Next() {
		var table, name, col, coll, typ, comment, hidden string
		var nonUnique, sub int
		if err := rows.Scan(&table, &name, &nonUnique, &col, &sub, &coll, &typ, &comment, &hidden); err != nil {
			return err
		}
		t := in.tables[table]
		if t == nil {
			continue
		}
		if name == "PRIMARY" {
			if t.PrimaryKey == nil {
				t.PrimaryKey = &schema.PrimaryKey{Name: "PRIMARY"}
			}
			t.PrimaryKey.Columns = append(t.PrimaryKey.Columns, col)
			continue
		}
		if last == nil || last.Name != name || lastTable != table {
			last = &schema.Index{Name: name, Unique: nonUnique == 0, Comment: comment, Hidden: hidden}
			switch typ {
			case "FULLTEXT", "SPATIAL":
				last.Method = typ
			}
			lastTable = table
			t.Indexes = append(t.Indexes, last)
		}
		if typ == "SPATIAL" {
			sub = 0 // reported (32) but never written: the whole value is indexed
		}
		p := schema.IndexPart{Column: col, Desc: coll == "D", Prefix: sub}
		last.Parts = append(last.Parts, p)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return in.indexMethods(ctx)
}

// foreignKeys reads the foreign keys. A constraint is in its table's
// schema: REFERENTIAL_CONSTRAINTS is joined on CONSTRAINT_SCHEMA =
// DATABASE(), a constant, with which MariaDB reads that one schema's
// tables (with k.CONSTRAINT_SCHEMA it read every database on the server:
// seconds on a server with a few large ones).
func (in *inspector) foreignKeys(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
  r.UPDATE_RULE, r.DELETE_RULE
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = DATABASE() AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var last *schema.ForeignKey
	var lastTable string
	for rows.Next() {
		var table, name, col, refSchema, refTable, refCol, upd, del string
		if err := rows.Scan(&table, &name, &col, &refSchema, &refTable, &refCol, &upd, &del); err != nil {
			return err
		}
		t := in.tables[table]
		if t == nil {
			continue
		}
		if last == nil || last.Name != name || lastTable != table {
			last = &schema.ForeignKey{Name: name, RefTable: refTable, OnUpdate: fkAction(upd), OnDelete: fkAction(del)}
			if refSchema != in.dbname {
				last.RefSchema = refSchema
			}
			lastTable = table
			t.ForeignKeys = append(t.ForeignKeys, last)
		}
		last.Columns = append(last.Columns, col)
		last.RefColumns = append(last.RefColumns, refCol)
	}
	return rows.Err()
}

func fkAction(r string) string {
	if r == "RESTRICT" {
		return ""
	}
	return r
}

func (in *inspector) checks(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, coalesce(LEVEL, 'Table')
FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var table, name, clause, level string
		if err := rows.Scan(&table, &name, &clause, &level); err != nil {
			return err
		}
		t := in.tables[table]
		if t == nil {
			continue
		}
		ch := &schema.Check{Name: name, Expr: clause}
		if level == "Column" {
			ch.Column = name
		}
		t.Checks = append(t.Checks, ch)
	}
	return rows.Err()
}

func (in *inspector) views(ctx context.Context) error {
	rows, err := in.viewRows(ctx)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name, def, definer, security, check, algorithm string
		if err := rows.Scan(&name, &def, &definer, &security, &check, &algorithm); err != nil {
			return err
		}
		if in.o.Skipped("", name) {
			continue
		}
		def = strings.ReplaceAll(def, "`"+strings.ReplaceAll(in.dbname, "`", "``")+"`.", "")
		v := &schema.View{Name: name, Def: def, Definer: normalDefiner(definer, in.o.ViewDefiner),
			Security: orDefault(security, "DEFINER"), CheckOption: orDefault(check, "NONE"), Algorithm: orDefault(algorithm, "UNDEFINED")}
		for tn := range in.tables {
			if strings.Contains(def, "`"+strings.ReplaceAll(tn, "`", "``")+"`") {
				v.DependsOn = append(v.DependsOn, tn)
			}
		}
		in.s.Views = append(in.s.Views, v)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, v := range in.s.Views {
		for _, w := range in.s.Views {
			if w != v && strings.Contains(v.Def, "`"+strings.ReplaceAll(w.Name, "`", "``")+"`") {
				v.DependsOn = append(v.DependsOn, w.Name)
			}
		}
		sort.Strings(v.DependsOn)
	}
	return in.viewAlgorithms(ctx)
}

// viewRows reads the views with their clauses. MariaDB lists ALGORITHM in
// information_schema.VIEWS; MySQL does not, and viewAlgorithms reads it
// from SHOW CREATE VIEW ("?" until then).
func (in *inspector) viewRows(ctx context.Context) (*sql.Rows, error) {
	const q = `SELECT TABLE_NAME, VIEW_DEFINITION, DEFINER, SECURITY_TYPE, CHECK_OPTION, %s FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME`
	rows, err := in.db.QueryContext(ctx, fmt.Sprintf(q, "ALGORITHM"))
	if err == nil {
		return rows, nil
	}
	if !strings.Contains(err.Error(), "1054") { // unknown column
		return nil, err
	}
	return in.db.QueryContext(ctx, fmt.Sprintf(q, "'?'"))
}

var algorithmRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^CREATE (?:ALGORITHM=(\w+) )?`) })

// viewAlgorithms fills in the ALGORITHM of views the catalog did not give.
func (in *inspector) viewAlgorithms(ctx context.Context) error {
	for _, v := range in.s.Views {
		if v.Algorithm != "?" {
			continue
		}
		def, err := in.showCreate(ctx, "VIEW", v.Name)
		if err != nil {
			return err
		}
		v.Algorithm = ""
		if m := algorithmRe().FindStringSubmatch(def); m != nil {
			v.Algorithm = orDefault(m[1], "UNDEFINED")
		}
	}
	return nil
}

// orDefault is s, or "" when s is the server's default value def.
func orDefault(s, def string) string {
	if strings.EqualFold(s, def) {
		return ""
	}
	return s
}

// normalDefiner is a DEFINER ("user@host") as rule keeps it: the user
// only (the default), all of it, or nothing.
func normalDefiner(definer, rule string) string {
	switch rule {
	case schema.ViewDefinerExact:
		return definer
	case schema.ViewDefinerIgnore:
		return ""
	}
	if i := strings.LastIndex(definer, "@"); i >= 0 {
		return definer[:i]
	}
	return definer
}
