package diff

import "github.com/retortdb/retort/schema"

// renameRef is one rename of a constraint or an index inside a table's
// step.
type renameRef struct {
	step  *schema.ModifyTable
	at    int // index in step.Changes
	scope string
	from  string
	to    string
}

// constraintRename returns the names a rename of a constraint or index
// moves between, and the scope its names are unique in: the schema for
// what an index backs (indexes, primary keys and unique constraints share
// one namespace in PostgreSQL), the table for the others.
func constraintRename(t *schema.Table, c schema.TableChange) (scope, from, to string, ok bool) {
	switch c := c.(type) {
	case *schema.RenameIndex:
		return "s\x00" + t.Schema, c.From.Name, c.To.Name, true
	case *schema.RenameConstraint:
		if c.Kind == "primary key" || c.Kind == "unique" {
			return "s\x00" + t.Schema, c.From, c.To, true
		}
		return "t\x00" + schema.QualifiedName(t.Schema, t.Name), c.From, c.To, true
	}
	return "", "", "", false
}

// orderConstraintRenames makes the constraint and index renames of the
// table steps run in an order the server accepts: a rename to a name that
// another object still holds, and gives up later (two tables swapping
// names swap their implicit key names too), first moves that object to a
// free temporary name in a step of its own, before the others; the later
// rename then starts from there. Reversed, the same steps undo it.
func orderConstraintRenames(steps []schema.Change) []schema.Change {
	var refs []*renameRef
	for _, s := range steps {
		mt, ok := s.(*schema.ModifyTable)
		if !ok {
			continue
		}
		for i, c := range mt.Changes {
			if scope, from, to, ok := constraintRename(mt.To, c); ok {
				refs = append(refs, &renameRef{step: mt, at: i, scope: scope, from: from, to: to})
			}
		}
	}
	held := map[string]bool{}
	for _, r := range refs {
		held[r.scope+"\x00"+r.from] = true
		held[r.scope+"\x00"+r.to] = true
	}
	var pre []schema.Change
	for i, r := range refs {
		for _, later := range refs[i+1:] {
			if later.scope != r.scope || later.from != r.to {
				continue
			}
			tmp := tempName(later.from, func(n string) bool { return held[r.scope+"\x00"+n] })
			held[r.scope+"\x00"+tmp] = true
			away, rest := renamedFrom(later.step.Changes[later.at], later.from, tmp)
			pre = append(pre, &schema.ModifyTable{From: later.step.From, To: later.step.From, Changes: []schema.TableChange{away}})
			later.step.Changes[later.at] = rest
			later.from = tmp
		}
	}
	if len(pre) == 0 {
		return steps
	}
	return append(pre, steps...)
}

// renamedFrom splits rename c (from → its new name) into from → tmp and
// tmp → the new name.
func renamedFrom(c schema.TableChange, from, tmp string) (away, rest schema.TableChange) {
	switch c := c.(type) {
	case *schema.RenameIndex:
		mid := *c.From
		mid.Name = tmp
		return &schema.RenameIndex{From: c.From, To: &mid}, &schema.RenameIndex{From: &mid, To: c.To}
	case *schema.RenameConstraint:
		return &schema.RenameConstraint{Kind: c.Kind, From: from, To: tmp}, &schema.RenameConstraint{Kind: c.Kind, From: tmp, To: c.To}
	}
	return c, c
}
