// Package schema is retort's public schema IR: a database's tables, columns,
// keys, indexes, checks, enum types, sequences, views and objects
// (functions, triggers, materialized views, …: Object) as plain values,
// and the typed changes between two of them (AddTable, ModifyColumn{From,
// To}, …), each with a Reverse so a downgrade is derived from an upgrade.
//
// Values are dialect-neutral in shape and dialect-specific in content: a
// column type or a default expression is the SQL text the database reports,
// normalized by the dialect's inspector so that two equal schemas compare
// equal. It is public, and every other package may use it, so it must import
// nothing of retort.
package schema

import (
	"context"
	"database/sql"
	"sort"
	"strings"
)

// Querier is what an inspector needs: a *sql.DB, *sql.Conn or *sql.Tx.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Schema is the inspected (or desired) state of one database.
type Schema struct {
	// Namespaces lists the named schemas (PostgreSQL) that objects may live
	// in, other than the default one. Objects in the default schema have an
	// empty Schema field.
	Namespaces []string    `json:"namespaces,omitempty"`
	Tables     []*Table    `json:"tables,omitempty"`
	Views      []*View     `json:"views,omitempty"`
	Enums      []*Enum     `json:"enums,omitempty"`
	Sequences  []*Sequence `json:"sequences,omitempty"`
	// Extensions are PostgreSQL extensions (their objects are not listed).
	Extensions []*Extension `json:"extensions,omitempty"`
	// Objects are the functions, procedures, triggers, materialized views,
	// events, domains and policies retort manages (see Object).
	Objects []*Object `json:"objects,omitempty"`
	// Unmanaged lists objects present but outside retort's model.
	Unmanaged []Unmanaged `json:"unmanaged,omitempty"`
	// LowerCaseTableNames is MySQL's and MariaDB's lower_case_table_names
	// as the inspector read it from the server (0: table names compared
	// as spelled; 1: stored lower case; 2: stored as given, compared lower
	// case). It says how table names are compared, and is not compared
	// itself.
	LowerCaseTableNames int `json:"-"`
}

// Table is a table with everything attached to it.
type Table struct {
	Schema      string        `json:"schema,omitempty"`
	Name        string        `json:"name"`
	Columns     []*Column     `json:"columns"`
	PrimaryKey  *PrimaryKey   `json:"primary_key,omitempty"`
	Uniques     []*Unique     `json:"uniques,omitempty"`
	Indexes     []*Index      `json:"indexes,omitempty"`
	ForeignKeys []*ForeignKey `json:"foreign_keys,omitempty"`
	Checks      []*Check      `json:"checks,omitempty"`
	// Exclusions are PostgreSQL exclusion constraints.
	Exclusions []*Exclusion `json:"exclusions,omitempty"`
	Comment    string       `json:"comment,omitempty"`
	// Collation and Engine are MySQL/MariaDB table options.
	Collation string `json:"collation,omitempty"`
	Engine    string `json:"engine,omitempty"`
	// Options are the other MySQL/MariaDB table options set explicitly, as
	// the server lists them, sorted: "row_format=DYNAMIC stats_persistent=1".
	Options string `json:"options,omitempty"`
	// Partitioning is a MySQL/MariaDB table's PARTITION BY clause (nil =
	// not partitioned).
	Partitioning *Partitioning `json:"partitioning,omitempty"`
	// WithoutRowID and Strict are SQLite table options.
	WithoutRowID bool `json:"without_rowid,omitempty"`
	Strict       bool `json:"strict,omitempty"`
	// SQL is the table's CREATE statement as the database stores it (SQLite
	// only); a rebuild uses it to reproduce the desired table exactly. It is
	// not part of the table's identity.
	SQL string `json:"-"`
	// Def is the normalized text of the table's definition where the
	// statement is the catalog (SQLite): compared, so that a difference the
	// other fields do not model still counts; never rendered.
	Def string `json:"def,omitempty"`
	// PartitionBy is a PostgreSQL partitioned table's partition key as the
	// server prints it ("RANGE (created_at)", "HASH (id, lower(name))");
	// "" = not partitioned. PostgreSQL cannot change it in place.
	PartitionBy string `json:"partition_by,omitempty"`
	// PartitionOf is set on a PostgreSQL table that is a partition of
	// another. Its columns are the parent's and are not listed in Columns;
	// the keys, checks and indexes it inherits from the parent are not
	// listed either (only its own are).
	PartitionOf *PartitionOf `json:"partition_of,omitempty"`
	// StorageParams are PostgreSQL storage parameters (WITH (…)) as the
	// server lists them, in its order: "fillfactor=70,autovacuum_enabled=false".
	StorageParams string `json:"storage_params,omitempty"`
	// RowSecurity and ForceRowSecurity are PostgreSQL's ENABLE and FORCE
	// ROW LEVEL SECURITY (the policies are objects of kind "policy").
	RowSecurity      bool `json:"row_security,omitempty"`
	ForceRowSecurity bool `json:"force_row_security,omitempty"`
}

// PartitionOf is the parent of a PostgreSQL partition and the partition's
// bound.
type PartitionOf struct {
	Schema string `json:"schema,omitempty"`
	Table  string `json:"table"`
	// Bound is the bound as the server prints it: "FOR VALUES FROM (1) TO
	// (10)", "FOR VALUES IN ('a', 'b')", "FOR VALUES WITH (modulus 4,
	// remainder 0)" or "DEFAULT".
	Bound string `json:"bound"`
}

// Column is one column of a table.
type Column struct {
	Name     string `json:"name"`
	Type     Type   `json:"type"`
	Nullable bool   `json:"nullable"`
	// Default is the server default as SQL text ("" = none).
	Default string `json:"default,omitempty"`
	// OnUpdate is MySQL's ON UPDATE expression ("" = none).
	OnUpdate string `json:"on_update,omitempty"`
	// Identity is set for a PostgreSQL identity column.
	Identity *Identity `json:"identity,omitempty"`
	// Sequence is the sequence owned by this column (PostgreSQL serial
	// columns: Default is nextval of it; identity columns: its options).
	Sequence *Sequence `json:"sequence,omitempty"`
	// AutoIncrement is MySQL's AUTO_INCREMENT or SQLite's AUTOINCREMENT.
	AutoIncrement bool       `json:"auto_increment,omitempty"`
	Generated     *Generated `json:"generated,omitempty"`
	Collation     string     `json:"collation,omitempty"`
	Comment       string     `json:"comment,omitempty"`
}

// Type is a column type.
type Type struct {
	// SQL is the type as the database spells it after normalization, e.g.
	// "character varying(50)", "numeric(10,2)", "integer[]", "int(10) unsigned",
	// "VARCHAR(50)". Two types are equal when their SQL is.
	SQL string `json:"sql"`
	// Name is the base type name, lower case, without arguments or array
	// brackets ("character varying", "int", "varchar").
	Name      string   `json:"-"`
	Length    int      `json:"-"` // character/binary length, 0 = none
	Precision int      `json:"-"` // numeric/time precision, 0 = none
	Scale     int      `json:"-"`
	Array     int      `json:"-"` // array dimensions (PostgreSQL)
	Unsigned  bool     `json:"-"` // MySQL
	Values    []string `json:"-"` // MySQL ENUM/SET values
}

// String returns the type's SQL.
func (t Type) String() string { return t.SQL }

// Identity describes a PostgreSQL GENERATED … AS IDENTITY column; the
// options of its sequence are in Column.Sequence.
type Identity struct {
	Always bool `json:"always"` // GENERATED ALWAYS (else BY DEFAULT)
}

// Generated describes a generated (computed) column.
type Generated struct {
	Expr   string `json:"expr"`
	Stored bool   `json:"stored"` // STORED (else VIRTUAL)
}

// PrimaryKey is a table's primary key.
type PrimaryKey struct {
	Name    string   `json:"name,omitempty"`
	Columns []string `json:"columns"`
	// Comment is the constraint's comment (PostgreSQL COMMENT ON
	// CONSTRAINT); the same field on the other constraints.
	Comment string `json:"comment,omitempty"`
	// StorageParams are the PostgreSQL storage parameters of the index
	// behind the key (WITH (fillfactor=70)), as Index.StorageParams.
	StorageParams string `json:"storage_params,omitempty"`
}

// Unique is a UNIQUE constraint (an index-backed unique index is an Index
// with Unique set).
type Unique struct {
	Name              string   `json:"name"`
	Columns           []string `json:"columns"`
	Deferrable        bool     `json:"deferrable,omitempty"`
	InitiallyDeferred bool     `json:"initially_deferred,omitempty"`
	NullsNotDistinct  bool     `json:"nulls_not_distinct,omitempty"`
	Comment           string   `json:"comment,omitempty"`
	StorageParams     string   `json:"storage_params,omitempty"` // as PrimaryKey's
}

// Index is an index that is not the implementation of a constraint.
type Index struct {
	Name   string      `json:"name"`
	Unique bool        `json:"unique,omitempty"`
	Parts  []IndexPart `json:"parts"`
	// Method is the access method ("btree", "gin", "hash"; MySQL: "FULLTEXT",
	// "SPATIAL"); "" = the default.
	Method  string   `json:"method,omitempty"`
	Where   string   `json:"where,omitempty"`   // partial index predicate
	Include []string `json:"include,omitempty"` // INCLUDE columns
	// NullsNotDistinct is PostgreSQL 15's UNIQUE NULLS NOT DISTINCT.
	NullsNotDistinct bool   `json:"nulls_not_distinct,omitempty"`
	Comment          string `json:"comment,omitempty"`
	// StorageParams are PostgreSQL index storage parameters (WITH (…)) as
	// the server lists them, in its order: "fillfactor=70".
	StorageParams string `json:"storage_params,omitempty"`
	// SQL is the CREATE INDEX statement as stored (SQLite only, not part of
	// the identity).
	SQL string `json:"-"`
	// Def is the normalized definition text (SQLite), compared like
	// Table.Def.
	Def string `json:"def,omitempty"`
	// Hidden is how MySQL/MariaDB spell an index the optimizer does not
	// use but keeps up to date: "IGNORED" (MariaDB), "INVISIBLE" (MySQL);
	// "" = used.
	Hidden string `json:"hidden,omitempty"`
}

// IndexPart is one key of an index: a column or an expression.
type IndexPart struct {
	Column     string `json:"column,omitempty"`
	Expr       string `json:"expr,omitempty"`
	Desc       bool   `json:"desc,omitempty"`
	NullsFirst bool   `json:"nulls_first,omitempty"` // only when not the default for the direction
	NullsLast  bool   `json:"nulls_last,omitempty"`  // only when not the default for the direction
	Collation  string `json:"collation,omitempty"`
	OpClass    string `json:"opclass,omitempty"`
	Prefix     int    `json:"prefix,omitempty"` // MySQL prefix length
}

// ForeignKey is a FOREIGN KEY constraint.
type ForeignKey struct {
	Name              string   `json:"name"`
	Columns           []string `json:"columns"`
	RefSchema         string   `json:"ref_schema,omitempty"`
	RefTable          string   `json:"ref_table"`
	RefColumns        []string `json:"ref_columns"`
	OnDelete          string   `json:"on_delete,omitempty"` // "" = NO ACTION
	OnUpdate          string   `json:"on_update,omitempty"`
	Deferrable        bool     `json:"deferrable,omitempty"`
	InitiallyDeferred bool     `json:"initially_deferred,omitempty"`
	Match             string   `json:"match,omitempty"` // "" = SIMPLE
	Comment           string   `json:"comment,omitempty"`
}

// Check is a CHECK constraint.
type Check struct {
	Name string `json:"name"`
	Expr string `json:"expr"`
	// Column is set when MariaDB reports a column-level check.
	Column string `json:"column,omitempty"`
	// NoInherit is PostgreSQL's NO INHERIT.
	NoInherit bool   `json:"no_inherit,omitempty"`
	Comment   string `json:"comment,omitempty"`
}

// Exclusion is a PostgreSQL EXCLUDE constraint; Def is its definition as
// pg_get_constraintdef prints it ("EXCLUDE USING gist (room WITH =,
// during WITH &&) WHERE (…)").
type Exclusion struct {
	Name    string `json:"name"`
	Def     string `json:"def"`
	Comment string `json:"comment,omitempty"`
}

// Enum is a PostgreSQL enum type.
type Enum struct {
	Schema  string   `json:"schema,omitempty"`
	Name    string   `json:"name"`
	Values  []string `json:"values"`
	Comment string   `json:"comment,omitempty"`
}

// Sequence is a sequence: a standalone one in Schema.Sequences, or the one a
// serial or identity column owns in Column.Sequence.
type Sequence struct {
	Schema    string `json:"schema,omitempty"`
	Name      string `json:"name"`
	Type      string `json:"type,omitempty"` // "bigint" (default), "integer", "smallint"
	Start     int64  `json:"start"`
	Increment int64  `json:"increment"`
	Min       int64  `json:"min"`
	Max       int64  `json:"max"`
	Cache     int64  `json:"cache"`
	Cycle     bool   `json:"cycle,omitempty"`
	Comment   string `json:"comment,omitempty"`
}

// Extension is an installed PostgreSQL extension.
type Extension struct {
	Name   string `json:"name"`
	Schema string `json:"schema,omitempty"` // where its objects live ("" = default)
}

// View is a view; Def is its query as the database reports it.
type View struct {
	Schema  string `json:"schema,omitempty"`
	Name    string `json:"name"`
	Def     string `json:"def"`
	Comment string `json:"comment,omitempty"`
	// DependsOn names the tables and views the view reads ("schema.name" or
	// "name"), when the database reports them.
	DependsOn []string `json:"depends_on,omitempty"`
	// SQL is the CREATE VIEW statement as stored (SQLite only).
	SQL string `json:"-"`
	// Algorithm, Definer, Security and CheckOption are MySQL/MariaDB view
	// clauses: ALGORITHM ("" = UNDEFINED), DEFINER as InspectOptions'
	// ViewDefiner rule keeps it ("user@host", "user", or "" when not
	// compared), SQL SECURITY ("" = DEFINER) and WITH … CHECK OPTION
	// ("" = none, "CASCADED", "LOCAL").
	Algorithm   string `json:"algorithm,omitempty"`
	Definer     string `json:"definer,omitempty"`
	Security    string `json:"security,omitempty"`
	CheckOption string `json:"check_option,omitempty"`
}

// Table returns the table named name in schema ns, or nil.
func (s *Schema) Table(ns, name string) *Table {
	for _, t := range s.Tables {
		if t.Schema == ns && t.Name == name {
			return t
		}
	}
	return nil
}

// Column returns the column named name, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// QualifiedName is "schema.name", or "name" in the default schema.
func QualifiedName(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + "." + name
}

// Sort puts every list of s into a canonical order (by name; columns and
// index parts keep their order) so that two equal schemas are deeply equal.
func (s *Schema) Sort() {
	sort.Strings(s.Namespaces)
	sort.Slice(s.Tables, func(i, j int) bool {
		return QualifiedName(s.Tables[i].Schema, s.Tables[i].Name) < QualifiedName(s.Tables[j].Schema, s.Tables[j].Name)
	})
	for _, t := range s.Tables {
		t.Sort()
	}
	sort.Slice(s.Views, func(i, j int) bool {
		return QualifiedName(s.Views[i].Schema, s.Views[i].Name) < QualifiedName(s.Views[j].Schema, s.Views[j].Name)
	})
	for _, v := range s.Views {
		sort.Strings(v.DependsOn)
	}
	sort.Slice(s.Enums, func(i, j int) bool {
		return QualifiedName(s.Enums[i].Schema, s.Enums[i].Name) < QualifiedName(s.Enums[j].Schema, s.Enums[j].Name)
	})
	sort.Slice(s.Extensions, func(i, j int) bool { return s.Extensions[i].Name < s.Extensions[j].Name })
	sort.Slice(s.Sequences, func(i, j int) bool {
		return QualifiedName(s.Sequences[i].Schema, s.Sequences[i].Name) < QualifiedName(s.Sequences[j].Schema, s.Sequences[j].Name)
	})
	sortObjects(s.Objects)
}

// Sort orders the table's constraints and indexes by name (and
// unnamed ones by definition).
func (t *Table) Sort() {
	key := func(parts ...string) string { return strings.Join(parts, "\x00") }
	sort.SliceStable(t.Uniques, func(i, j int) bool {
		return key(t.Uniques[i].Name, strings.Join(t.Uniques[i].Columns, ",")) < key(t.Uniques[j].Name, strings.Join(t.Uniques[j].Columns, ","))
	})
	sort.SliceStable(t.Indexes, func(i, j int) bool { return t.Indexes[i].Name < t.Indexes[j].Name })
	sort.SliceStable(t.ForeignKeys, func(i, j int) bool {
		a, b := t.ForeignKeys[i], t.ForeignKeys[j]
		return key(a.Name, strings.Join(a.Columns, ","), a.RefTable, strings.Join(a.RefColumns, ",")) <
			key(b.Name, strings.Join(b.Columns, ","), b.RefTable, strings.Join(b.RefColumns, ","))
	})
	sort.SliceStable(t.Checks, func(i, j int) bool {
		return key(t.Checks[i].Name, t.Checks[i].Column, t.Checks[i].Expr) < key(t.Checks[j].Name, t.Checks[j].Column, t.Checks[j].Expr)
	})
	sort.SliceStable(t.Exclusions, func(i, j int) bool { return t.Exclusions[i].Name < t.Exclusions[j].Name })
}

// Unmanaged is an object the inspector found but retort does not manage
// (aggregates, rules, virtual tables, …). A diff never touches it; a
// desired state that defines one is refused.
type Unmanaged struct {
	Kind string `json:"kind"` // "function", "trigger", "materialized view", …
	Name string `json:"name"` // qualified name
}

// String is "function public.f".
func (u Unmanaged) String() string { return u.Kind + " " + u.Name }

// Statement is one rendered SQL statement of a migration.
type Statement struct {
	SQL string `json:"sql"`
	// Review says why a human should look at this statement before running
	// it (data loss, a rewrite, a cast that may fail), one note per line;
	// "" when nothing stands out.
	Review string `json:"review,omitempty"`
	// Comment is a plain explanatory comment rendered above the statement.
	Comment string `json:"comment,omitempty"`
}

// Rendered is the SQL for a list of changes.
type Rendered struct {
	Statements []Statement `json:"statements"`
	// NoTransaction is set when the statements must not run inside a
	// transaction (a SQLite rebuild that switches foreign keys off).
	NoTransaction bool `json:"no_transaction,omitempty"`
}

// Clone returns a deep copy of t: changing the copy (renaming a column,
// adding an index, editing a key's columns) leaves t as it is. Empty lists
// stay nil where t's are nil.
func (t *Table) Clone() *Table {
	c := *t
	c.Columns = clonePtrs(t.Columns, func(col *Column) {
		if col.Identity != nil {
			id := *col.Identity
			col.Identity = &id
		}
		if col.Sequence != nil {
			s := *col.Sequence
			col.Sequence = &s
		}
		if col.Generated != nil {
			g := *col.Generated
			col.Generated = &g
		}
		col.Type.Values = cloneStrings(col.Type.Values)
	})
	if t.PrimaryKey != nil {
		pk := *t.PrimaryKey
		pk.Columns = cloneStrings(pk.Columns)
		c.PrimaryKey = &pk
	}
	c.Uniques = clonePtrs(t.Uniques, func(u *Unique) { u.Columns = cloneStrings(u.Columns) })
	c.Indexes = clonePtrs(t.Indexes, func(x *Index) {
		if x.Parts != nil {
			x.Parts = append([]IndexPart(nil), x.Parts...)
		}
		x.Include = cloneStrings(x.Include)
	})
	c.ForeignKeys = clonePtrs(t.ForeignKeys, func(fk *ForeignKey) {
		fk.Columns, fk.RefColumns = cloneStrings(fk.Columns), cloneStrings(fk.RefColumns)
	})
	c.Checks = clonePtrs(t.Checks, nil)
	c.Exclusions = clonePtrs(t.Exclusions, nil)
	if t.PartitionOf != nil {
		p := *t.PartitionOf
		c.PartitionOf = &p
	}
	if t.Partitioning != nil {
		p := *t.Partitioning
		p.Partitions = clonePtrs(p.Partitions, func(x *Partition) { x.Subpartitions = cloneStrings(x.Subpartitions) })
		c.Partitioning = &p
	}
	return &c
}

// clonePtrs copies each element of list into a new value, then lets fix
// copy what the element points to; nil stays nil.
func clonePtrs[T any](list []*T, fix func(*T)) []*T {
	if list == nil {
		return nil
	}
	out := make([]*T, len(list))
	for i, p := range list {
		v := *p
		if fix != nil {
			fix(&v)
		}
		out[i] = &v
	}
	return out
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}
