package autogen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

// LikelyRenames returns a note for each drop and add among changes that
// looks like a rename nobody declared: in one table, exactly one column
// dropped and exactly one added with the same type; or exactly one table
// dropped and one added with the same columns (names and types). retort
// never guesses: the changes stay a drop and an add (which lose the data),
// and the note names the --rename flag that would make it a rename.
func LikelyRenames(changes []schema.Change) []string {
	var notes []string
	for _, l := range FindLikelyRenames(changes) {
		notes = append(notes, l.Note)
	}
	return notes
}

// LikelyRename is a drop and an add that look like a rename: Old and New
// name the objects ("trends.score", "trends.points"), Rename is the rename
// that would replace them, Note says so for a revision's review note.
type LikelyRename struct {
	Old, New string
	Rename   diff.Rename
	Note     string
}

// FindLikelyRenames is LikelyRenames with each rename spelled out.
func FindLikelyRenames(changes []schema.Change) []LikelyRename {
	var notes []LikelyRename
	var dropped, added []*schema.Table
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.DropTable:
			dropped = append(dropped, c.Table)
		case *schema.AddTable:
			added = append(added, c.Table)
		case *schema.ModifyTable:
			var drops, adds []*schema.Column
			for _, tc := range c.Changes {
				switch tc := tc.(type) {
				case *schema.DropColumn:
					drops = append(drops, tc.Column)
				case *schema.AddColumn:
					adds = append(adds, tc.Column)
				}
			}
			if len(drops) == 1 && len(adds) == 1 && drops[0].Name != adds[0].Name && sameType(drops[0], adds[0]) {
				t := schema.QualifiedName(c.To.Schema, c.To.Name)
				notes = append(notes, LikelyRename{Old: t + "." + drops[0].Name, New: t + "." + adds[0].Name,
					Rename: diff.Rename{Schema: c.To.Schema, Table: c.To.Name, Column: drops[0].Name, To: adds[0].Name}})
				notes[len(notes)-1].Note = fmt.Sprintf("likely rename: column %s.%s is dropped (with its data) and %s.%s added with the same type. "+
					"If it is a rename, generate again with --rename %s.%s=%s",
					t, drops[0].Name, t, adds[0].Name, t, drops[0].Name, adds[0].Name)
			}
		}
	}
	if len(dropped) == 1 && len(added) == 1 && dropped[0].Name != added[0].Name && sameColumns(dropped[0], added[0]) {
		f := schema.QualifiedName(dropped[0].Schema, dropped[0].Name)
		t := schema.QualifiedName(added[0].Schema, added[0].Name)
		notes = append(notes, LikelyRename{Old: f, New: t,
			Rename: diff.Rename{Schema: dropped[0].Schema, Table: dropped[0].Name, To: added[0].Name}})
		notes[len(notes)-1].Note = fmt.Sprintf("likely rename: table %s is dropped (with its rows) and %s added with the same columns. "+
			"If it is a rename, generate again with --rename %s=%s", f, t, f, added[0].Name)
	}
	return notes
}

func sameType(a, b *schema.Column) bool {
	return strings.EqualFold(a.Type.SQL, b.Type.SQL)
}

func sameColumns(a, b *schema.Table) bool {
	if a.Schema != b.Schema || len(a.Columns) != len(b.Columns) {
		return false
	}
	sig := func(t *schema.Table) []string {
		var out []string
		for _, c := range t.Columns {
			out = append(out, c.Name+" "+strings.ToLower(c.Type.SQL))
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(sig(a), sig(b))
}
