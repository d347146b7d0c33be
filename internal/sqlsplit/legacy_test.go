package sqlsplit_test

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/sqlsplit"
)

// legacySplit is internal/models/sqlstate's splitter as it was before the
// one splitter replaced it, kept verbatim (identifiers renamed) as the
// reference of the differential tests in model_test.go. Do not fix it.
//
// legacySplit splits SQL text into statements. It understands '…' strings (with
// backslash escapes when backslash is set, as MySQL reads them), "…" and
// `…` identifiers, $tag$ dollar quoting, --, # (MySQL) and /* */ comments,
// the BEGIN … END bodies of CREATE TRIGGER, and the "-- +retort
// StatementBegin" / "-- +retort StatementEnd" markers.
func legacySplit(text string, mysql bool) ([]sqlsplit.Statement, error) {
	var out []sqlsplit.Statement
	var cur strings.Builder
	line, start := 1, 0
	depth := 0     // BEGIN/CASE … END nesting inside a trigger body
	block := false // between StatementBegin and StatementEnd
	flush := func() {
		s := strings.TrimSpace(cur.String())
		if s != "" && !legacyOnlyComments(s) {
			out = append(out, sqlsplit.Statement{SQL: s, Line: start})
		}
		cur.Reset()
		start = 0
		depth = 0
	}
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		if start == 0 && !legacyIsSpace(c) {
			start = line
		}
		switch {
		case c == '\n':
			line++
			cur.WriteByte(c)
			i++
		case c == '-' && i+1 < n && text[i+1] == '-', mysql && c == '#':
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				j = n - i
			}
			comment := text[i : i+j]
			marker := strings.TrimSpace(strings.TrimPrefix(comment, "--"))
			switch strings.ToLower(marker) {
			case "+retort statementbegin":
				flush()
				block = true
				i += j
				continue
			case "+retort statementend":
				block = false
				flush()
				i += j
				continue
			}
			if strings.TrimSpace(cur.String()) == "" {
				start = 0
				i += j
				continue
			}
			cur.WriteString(comment)
			i += j
		case c == '/' && i+1 < n && text[i+1] == '*':
			j := strings.Index(text[i+2:], "*/")
			if j < 0 {
				return nil, fmt.Errorf("line %d: unterminated /* comment", line)
			}
			seg := text[i : i+2+j+2]
			line += strings.Count(seg, "\n")
			cur.WriteString(seg)
			i += len(seg)
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for {
				if j >= n {
					return nil, fmt.Errorf("line %d: unterminated %c quote", line, c)
				}
				if mysql && c != '`' && text[j] == '\\' {
					j += 2
					continue
				}
				if text[j] == c {
					if j+1 < n && text[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			seg := text[i : j+1]
			line += strings.Count(seg, "\n")
			cur.WriteString(seg)
			i = j + 1
		case c == '$' && !mysql && (i == 0 || !legacyIsIdent(text[i-1])):
			tag, ok := legacyDollarTag(text[i:])
			if !ok {
				cur.WriteByte(c)
				i++
				continue
			}
			j := strings.Index(text[i+len(tag):], tag)
			if j < 0 {
				return nil, fmt.Errorf("line %d: unterminated %s quote", line, tag)
			}
			seg := text[i : i+len(tag)+j+len(tag)]
			line += strings.Count(seg, "\n")
			cur.WriteString(seg)
			i += len(seg)
		case legacyIsIdentStart(c) && (i == 0 || !legacyIsIdent(text[i-1])):
			j := i
			for j < n && legacyIsIdent(text[j]) {
				j++
			}
			word := strings.ToUpper(text[i:j])
			if legacyIsTrigger(cur.String()) {
				switch word {
				case "BEGIN", "CASE":
					depth++
				case "END":
					if depth > 0 {
						depth--
					}
				}
			}
			cur.WriteString(text[i:j])
			i = j
		case c == ';' && !block && depth == 0:
			flush()
			i++
		default:
			cur.WriteByte(c)
			i++
		}
	}
	if block {
		return nil, fmt.Errorf("line %d: -- +retort StatementBegin without StatementEnd", line)
	}
	flush()
	return out, nil
}

func legacyDollarTag(s string) (string, bool) {
	for j := 1; j < len(s); j++ {
		if s[j] == '$' {
			return s[:j+1], true
		}
		if !legacyIsIdent(s[j]) {
			return "", false
		}
	}
	return "", false
}

func legacyIsTrigger(stmt string) bool {
	f := strings.Fields(strings.ToUpper(legacyStripComments(stmt)))
	for i, w := range f {
		if i > 4 {
			return false
		}
		if w == "TRIGGER" {
			return len(f) > 0 && f[0] == "CREATE"
		}
	}
	return false
}

func legacyStripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "--") {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

func legacyOnlyComments(s string) bool {
	return strings.TrimSpace(legacyStripComments(s)) == ""
}

func legacyIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
func legacyIsIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
func legacyIsIdent(c byte) bool { return legacyIsIdentStart(c) || c >= '0' && c <= '9' || c == '$' }
