package autogen

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

// NoChanges is the line `check` prints when the database and models agree
// (Alembic's wording).
const NoChanges = "No new upgrade operations detected."

// NoChangesDetected is what `revision --autogenerate` says when Generate
// finds nothing to do (Alembic's wording); it then writes no file unless
// told to (--allow-empty).
const NoChangesDetected = "No changes in schema detected."

// Difference is one difference found by Check, for people and machines.
type Difference struct {
	// Op is Alembic's diff tuple name where one exists ("add_table",
	// "remove_column", "modify_type", …), else a retort name ("add_enum").
	Op string `json:"op"`
	// Object is the qualified name of what differs ("users", "users.email").
	Object string `json:"object"`
	// Detail says how it differs.
	Detail string `json:"detail"`
}

// Report is the result of Check.
type Report struct {
	Dialect     string          `json:"dialect"`
	Differences []Difference    `json:"differences"`
	Changes     []schema.Change `json:"-"`
	// Notes name likely renames that the changes do as a drop and an add
	// (see LikelyRenames).
	Notes []string `json:"notes,omitempty"`
	// Likely are the same likely renames, spelled out.
	Likely []LikelyRename `json:"-"`
}

// Clean reports whether database and models agree.
func (r *Report) Clean() bool { return len(r.Differences) == 0 }

// Text is the report for people: NoChanges, or one "Detected …" line per
// difference.
func (r *Report) Text() string {
	if r.Clean() {
		return NoChanges + "\n"
	}
	var b strings.Builder
	for _, d := range r.Differences {
		fmt.Fprintf(&b, "Detected %s\n", d.Detail)
	}
	return b.String()
}

// JSON is the report for machines.
func (r *Report) JSON() ([]byte, error) {
	out := struct {
		Clean       bool         `json:"clean"`
		Dialect     string       `json:"dialect"`
		Differences []Difference `json:"differences"`
	}{r.Clean(), r.Dialect, r.Differences}
	if out.Differences == nil {
		out.Differences = []Difference{}
	}
	return json.MarshalIndent(out, "", "  ")
}

// Check compares the database's schema with the models' and reports every
// difference an upgrade would have to apply.
func Check(current, desired *schema.Schema, dialect string) (*Report, error) {
	return CheckRenamed(current, desired, dialect, nil)
}

// CheckRenamed is Check with declared renames: a declared rename is still a
// difference (the database has the old name), reported as a rename instead
// of a drop and an add. Likely renames that were not declared are in Notes.
func CheckRenamed(current, desired *schema.Schema, dialect string, renames []diff.Rename) (*Report, error) {
	changes, err := DiffRenamed(current, desired, dialect, renames)
	if err != nil {
		return nil, err
	}
	r := &Report{Dialect: dialect, Changes: changes, Likely: FindLikelyRenames(changes)}
	for _, l := range r.Likely {
		r.Notes = append(r.Notes, l.Note)
	}
	r.Notes = append(r.Notes, UnmanagedNotes(current)...)
	for _, c := range objectsRecreated(changes) {
		r.Differences = append(r.Differences, Describe(c)...)
	}
	// A view dropped and created again is one changed view.
	added := map[string]bool{}
	for _, d := range r.Differences {
		if d.Op == "add_view" {
			added[d.Object] = true
		}
	}
	var out []Difference
	for _, d := range r.Differences {
		switch {
		case d.Op == "remove_view" && added[d.Object]:
			continue
		case d.Op == "add_view" && viewExisted(current, d.Object):
			d.Op, d.Detail = "modify_view", fmt.Sprintf("changed view '%s' (recreated)", d.Object)
		}
		out = append(out, d)
	}
	r.Differences = out
	return r, nil
}

// Describe turns a change into the differences it stands for.
func Describe(c schema.Change) []Difference {
	q := schema.QualifiedName
	switch c := c.(type) {
	case *schema.AddTable:
		n := q(c.Table.Schema, c.Table.Name)
		return []Difference{{"add_table", n, fmt.Sprintf("added table '%s'", n)}}
	case *schema.DropTable:
		n := q(c.Table.Schema, c.Table.Name)
		return []Difference{{"remove_table", n, fmt.Sprintf("removed table '%s'", n)}}
	case *schema.ModifyTable:
		var out []Difference
		t := q(c.To.Schema, c.To.Name)
		for _, tc := range c.Changes {
			if o, ok := tc.(*schema.ModifyTableOptions); ok && len(c.Changes) > 1 && o.String() == "table definition" {
				continue // the text of a SQLite table follows from the other changes
			}
			out = append(out, describeTable(t, tc))
		}
		return out
	case *schema.AddView:
		n := q(c.View.Schema, c.View.Name)
		return []Difference{{"add_view", n, fmt.Sprintf("added view '%s'", n)}}
	case *schema.DropView:
		n := q(c.View.Schema, c.View.Name)
		return []Difference{{"remove_view", n, fmt.Sprintf("removed view '%s'", n)}}
	case *schema.AddEnum:
		n := q(c.Enum.Schema, c.Enum.Name)
		return []Difference{{"add_enum", n, fmt.Sprintf("added enum type '%s'", n)}}
	case *schema.DropEnum:
		n := q(c.Enum.Schema, c.Enum.Name)
		return []Difference{{"remove_enum", n, fmt.Sprintf("removed enum type '%s'", n)}}
	case *schema.ModifyEnum:
		n := q(c.To.Schema, c.To.Name)
		return []Difference{{"modify_enum", n, fmt.Sprintf("changed enum type '%s' values (%s) to (%s)", n,
			strings.Join(c.From.Values, ", "), strings.Join(c.To.Values, ", "))}}
	case *schema.AddSequence:
		n := q(c.Sequence.Schema, c.Sequence.Name)
		return []Difference{{"add_sequence", n, fmt.Sprintf("added sequence '%s'", n)}}
	case *schema.DropSequence:
		n := q(c.Sequence.Schema, c.Sequence.Name)
		return []Difference{{"remove_sequence", n, fmt.Sprintf("removed sequence '%s'", n)}}
	case *schema.ModifySequence:
		n := q(c.To.Schema, c.To.Name)
		return []Difference{{"modify_sequence", n, fmt.Sprintf("changed sequence '%s'", n)}}
	case *schema.AddExtension:
		return []Difference{{"add_extension", c.Extension.Name, fmt.Sprintf("added extension '%s'", c.Extension.Name)}}
	case *schema.DropExtension:
		return []Difference{{"remove_extension", c.Extension.Name, fmt.Sprintf("removed extension '%s'", c.Extension.Name)}}
	case *schema.RenameTable:
		n := q(c.Schema, c.To)
		return []Difference{{"rename_table", n, fmt.Sprintf("renamed table '%s' to '%s'", q(c.Schema, c.From), n)}}
	case *schema.RenameColumn:
		n := q(c.Schema, c.Table) + "." + c.To
		return []Difference{{"rename_column", n, fmt.Sprintf("renamed column '%s.%s' to '%s'", q(c.Schema, c.Table), c.From, n)}}
	case *schema.RenameSequence:
		n := q(c.Schema, c.To)
		return []Difference{{"rename_sequence", n, fmt.Sprintf("renamed sequence '%s' to '%s'", q(c.Schema, c.From), n)}}
	case *schema.AddObject:
		return []Difference{{"add_" + objectOp(c.Object), objectName(c.Object), fmt.Sprintf("added %s", objectDetail(c.Object))}}
	case *schema.DropObject:
		return []Difference{{"remove_" + objectOp(c.Object), objectName(c.Object), fmt.Sprintf("removed %s", objectDetail(c.Object))}}
	case *schema.ReplaceObject:
		what := "definition"
		switch {
		case c.From.Def == c.To.Def:
			what = "comment"
		case c.From.Comment != c.To.Comment:
			what = "definition and comment"
		}
		return []Difference{{"modify_" + objectOp(c.To), objectName(c.To), fmt.Sprintf("changed %s of %s", what, objectDetail(c.To))}}
	case *schema.AddNamespace:
		return []Difference{{"add_schema", c.Name, fmt.Sprintf("added schema '%s'", c.Name)}}
	case *schema.DropNamespace:
		return []Difference{{"remove_schema", c.Name, fmt.Sprintf("removed schema '%s'", c.Name)}}
	}
	return []Difference{{"change", "", c.String()}}
}

func describeTable(t string, c schema.TableChange) Difference {
	switch c := c.(type) {
	case *schema.AddColumn:
		return Difference{"add_column", t + "." + c.Column.Name, fmt.Sprintf("added column '%s.%s'", t, c.Column.Name)}
	case *schema.DropColumn:
		return Difference{"remove_column", t + "." + c.Column.Name, fmt.Sprintf("removed column '%s.%s'", t, c.Column.Name)}
	case *schema.ModifyColumn:
		n := t + "." + c.To.Name
		op := "modify_column"
		switch {
		case c.Change == schema.ChangeType:
			op = "modify_type"
		case c.Change == schema.ChangeNull:
			op = "modify_nullable"
		case c.Change == schema.ChangeDefault:
			op = "modify_default"
		case c.Change == schema.ChangeComment:
			op = "modify_comment"
		}
		if op == "modify_type" {
			return Difference{op, n, fmt.Sprintf("type change from %s to %s on '%s'", c.From.Type.SQL, c.To.Type.SQL, n)}
		}
		if op == "modify_nullable" {
			if c.To.Nullable {
				return Difference{op, n, fmt.Sprintf("NULL on column '%s'", n)}
			}
			return Difference{op, n, fmt.Sprintf("NOT NULL on column '%s'", n)}
		}
		return Difference{op, n, fmt.Sprintf("%s on '%s'", strings.TrimPrefix(c.String(), fmt.Sprintf("modify column %q: ", c.To.Name)), n)}
	case *schema.AddIndex:
		return Difference{"add_index", t + "." + c.Index.Name, fmt.Sprintf("added index '%s' on '%s'", c.Index.Name, t)}
	case *schema.DropIndex:
		return Difference{"remove_index", t + "." + c.Index.Name, fmt.Sprintf("removed index '%s' on '%s'", c.Index.Name, t)}
	case *schema.AddUnique:
		return Difference{"add_constraint", t + "." + c.Unique.Name, fmt.Sprintf("added unique constraint '%s' on '%s' (%s)", c.Unique.Name, t, strings.Join(c.Unique.Columns, ", "))}
	case *schema.DropUnique:
		return Difference{"remove_constraint", t + "." + c.Unique.Name, fmt.Sprintf("removed unique constraint '%s' on '%s'", c.Unique.Name, t)}
	case *schema.AddForeignKey:
		return Difference{"add_fk", t + "." + c.ForeignKey.Name, fmt.Sprintf("added foreign key (%s)(%s) on table %s",
			strings.Join(c.ForeignKey.Columns, ", "), strings.Join(c.ForeignKey.RefColumns, ", "), t)}
	case *schema.DropForeignKey:
		return Difference{"remove_fk", t + "." + c.ForeignKey.Name, fmt.Sprintf("removed foreign key (%s)(%s) on table %s",
			strings.Join(c.ForeignKey.Columns, ", "), strings.Join(c.ForeignKey.RefColumns, ", "), t)}
	case *schema.AddCheck:
		return Difference{"add_constraint", t + "." + c.Check.Name, fmt.Sprintf("added check constraint '%s' on '%s'", c.Check.Name, t)}
	case *schema.DropCheck:
		return Difference{"remove_constraint", t + "." + c.Check.Name, fmt.Sprintf("removed check constraint '%s' on '%s'", c.Check.Name, t)}
	case *schema.AddPrimaryKey:
		return Difference{"add_constraint", t, fmt.Sprintf("added primary key (%s) on '%s'", strings.Join(c.PrimaryKey.Columns, ", "), t)}
	case *schema.DropPrimaryKey:
		return Difference{"remove_constraint", t, fmt.Sprintf("removed primary key (%s) on '%s'", strings.Join(c.PrimaryKey.Columns, ", "), t)}
	case *schema.AddExclusion:
		return Difference{"add_constraint", t + "." + c.Exclusion.Name, fmt.Sprintf("added exclusion constraint '%s' on '%s'", c.Exclusion.Name, t)}
	case *schema.DropExclusion:
		return Difference{"remove_constraint", t + "." + c.Exclusion.Name, fmt.Sprintf("removed exclusion constraint '%s' on '%s'", c.Exclusion.Name, t)}
	case *schema.ModifyConstraintComment:
		return Difference{"modify_constraint_comment", t + "." + c.Name, fmt.Sprintf("changed comment on %s constraint '%s' on '%s'", c.Kind, c.Name, t)}
	case *schema.AddPartition:
		return Difference{"add_partition", t + "." + c.Partition.Name, fmt.Sprintf("added partition '%s' on '%s'", c.Partition.Name, t)}
	case *schema.DropPartition:
		return Difference{"remove_partition", t + "." + c.Partition.Name, fmt.Sprintf("removed partition '%s' on '%s'", c.Partition.Name, t)}
	case *schema.ModifyPartitioning:
		return Difference{"modify_partitioning", t, fmt.Sprintf("changed partitioning of '%s': %s", t, c)}
	case *schema.ModifyTableComment:
		if c.From == "" {
			return Difference{"add_table_comment", t, fmt.Sprintf("added comment on table '%s'", t)}
		}
		if c.To == "" {
			return Difference{"remove_table_comment", t, fmt.Sprintf("removed comment on table '%s'", t)}
		}
		return Difference{"add_table_comment", t, fmt.Sprintf("changed comment on table '%s'", t)}
	}
	return Difference{"modify_table", t, fmt.Sprintf("%s on table '%s'", c.String(), t)}
}

func viewExisted(s *schema.Schema, name string) bool {
	for _, v := range s.Views {
		if schema.QualifiedName(v.Schema, v.Name) == name {
			return true
		}
	}
	return false
}

// objectsRecreated folds an object dropped and created again into one
// change for the report: left out when it comes back as it was (it makes
// way for a change reported on its own, a rebuilt table's trigger), a
// ReplaceObject when it comes back changed.
func objectsRecreated(changes []schema.Change) []schema.Change {
	dropped := map[string]*schema.Object{}
	for _, c := range changes {
		if d, ok := c.(*schema.DropObject); ok {
			dropped[d.Object.Key()] = d.Object
		}
	}
	var out []schema.Change
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.DropObject:
			if recreatedLater(changes, c.Object.Key()) {
				continue
			}
		case *schema.AddObject:
			if f := dropped[c.Object.Key()]; f != nil {
				if f.Def == c.Object.Def && f.Comment == c.Object.Comment {
					continue
				}
				out = append(out, &schema.ReplaceObject{From: f, To: c.Object})
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

func recreatedLater(changes []schema.Change, key string) bool {
	for _, c := range changes {
		if a, ok := c.(*schema.AddObject); ok && a.Object.Key() == key {
			return true
		}
	}
	return false
}

// objectOp is an object's kind as a difference's op spells it
// ("materialized_view").
func objectOp(o *schema.Object) string { return strings.ReplaceAll(o.Kind, " ", "_") }

// objectName is what a difference names: "public.f(integer)", a trigger as
// "table.trigger".
func objectName(o *schema.Object) string {
	if o.Table != "" {
		return o.Table + "." + o.Name
	}
	return o.QualifiedName()
}

func objectDetail(o *schema.Object) string {
	if o.Table != "" {
		return fmt.Sprintf("%s '%s' on '%s'", o.Kind, o.Name, o.Table)
	}
	return fmt.Sprintf("%s '%s'", o.Kind, o.QualifiedName())
}
