package lint

import "github.com/retortdb/retort/internal/script"

// FromScript is a parsed revision file as lint reads it; path is the file
// as findings name it.
func FromScript(sc *script.Script, path string) Revision {
	r := Revision{ID: sc.Revision.ID, Path: path, Message: sc.Message, Source: sc.Source, Lint: true}
	r.Upgrade = section(sc.Upgrade)
	r.Downgrade = section(sc.Downgrade)
	return r
}

func section(s script.Section) Section {
	out := Section{Present: s.Line > 0, Line: s.Line, NoTransaction: s.NoTransaction, Empty: s.Empty, Manual: s.Manual}
	for _, st := range s.Statements {
		out.Statements = append(out.Statements, Statement{SQL: st.SQL, Line: st.Line})
	}
	return out
}
