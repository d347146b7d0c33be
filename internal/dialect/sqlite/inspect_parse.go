package sqlite

import (
	"strings"
)

// token is one lexical token of SQLite SQL.
type token struct {
	text  string // as written
	kind  byte   // 'w' word, 'q' quoted identifier, 's' string, 'n' number, 'p' punctuation
	start int    // byte offset in the source
	end   int
}

// norm is the token's normalized form for comparisons: words and
// identifiers lower-cased and unquoted, strings kept.
func (t token) norm() string {
	switch t.kind {
	case 'w':
		return strings.ToLower(t.text)
	case 'q':
		return strings.ToLower(unquote(t.text))
	}
	return t.text
}

// ident returns the identifier a word or quoted token names.
func (t token) ident() string {
	if t.kind == 'q' {
		return unquote(t.text)
	}
	return t.text
}

func unquote(s string) string {
	if len(s) < 2 {
		return s
	}
	switch s[0] {
	case '"':
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	case '`':
		return strings.ReplaceAll(s[1:len(s)-1], "``", "`")
	case '[':
		return s[1 : len(s)-1]
	}
	return s
}

// tokenize splits SQL into tokens, dropping comments and white space.
func tokenize(s string) []token {
	out := make([]token, 0, len(s)/5+4)
	n := len(s)
	for i := 0; i < n; {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '-' && i+1 < n && s[i+1] == '-':
			for i < n && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < n && s[i+1] == '*':
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				i = n
			} else {
				i += j + 4
			}
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for j < n {
				if s[j] == c {
					if j+1 < n && s[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j >= n {
				j = n - 1
			}
			kind := byte('q')
			if c == '\'' {
				kind = 's'
			}
			out = append(out, token{text: s[i : j+1], kind: kind, start: i, end: j + 1})
			i = j + 1
		case c == '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				j = n - i - 1
			}
			out = append(out, token{text: s[i : i+j+1], kind: 'q', start: i, end: i + j + 1})
			i += j + 1
		case isWordChar(c):
			j := i
			for j < n && (isWordChar(s[j]) || s[j] == '$') {
				j++
			}
			kind := byte('w')
			if c >= '0' && c <= '9' {
				kind = 'n'
				for j < n && (s[j] == '.' || isWordChar(s[j])) {
					j++
				}
			}
			out = append(out, token{text: s[i:j], kind: kind, start: i, end: j})
			i = j
		default:
			out = append(out, token{text: s[i : i+1], kind: 'p', start: i, end: i + 1})
			i++
		}
	}
	return out
}

func isWordChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// joinTokens is the normalized text of tokens.
func joinTokens(ts []token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.norm()
	}
	return strings.Join(parts, " ")
}

// createStmt is a parsed CREATE TABLE / INDEX / VIEW statement.
type createStmt struct {
	src      string
	toks     []token
	nameTok  int // index of the object name token
	bodyFrom int // first token after the name
}

// parseCreate finds the object name of a CREATE statement.
func parseCreate(sql string) (*createStmt, bool) {
	ts := tokenize(sql)
	i := 0
	if i >= len(ts) || !strings.EqualFold(ts[i].text, "create") {
		return nil, false
	}
	i++
	for i < len(ts) && ts[i].kind == 'w' {
		w := strings.ToLower(ts[i].text)
		if w == "table" || w == "index" || w == "view" || w == "trigger" {
			i++
			break
		}
		i++ // TEMP, UNIQUE, VIRTUAL …
	}
	if i+2 < len(ts) && strings.EqualFold(ts[i].text, "if") && strings.EqualFold(ts[i+1].text, "not") {
		i += 3
	}
	if i >= len(ts) {
		return nil, false
	}
	if i+2 < len(ts) && ts[i+1].text == "." {
		i += 2 // schema.name
	}
	return &createStmt{src: sql, toks: ts, nameTok: i, bodyFrom: i + 1}, true
}

// definition is the normalized definition of a CREATE statement without its name.
func definition(sql string) string {
	c, ok := parseCreate(sql)
	return definitionOf(sql, c, ok)
}

// definitionOf is definition(sql) for c, ok = parseCreate(sql).
func definitionOf(sql string, c *createStmt, ok bool) string {
	if !ok {
		return strings.Join(strings.Fields(sql), " ")
	}
	return joinTokens(c.toks[c.bodyFrom:])
}

// withName returns sql with the created object's name replaced.
func withName(sql, name string) (string, bool) {
	c, ok := parseCreate(sql)
	if !ok {
		return "", false
	}
	t := c.toks[c.nameTok]
	start := t.start
	if c.nameTok >= 2 && c.toks[c.nameTok-1].text == "." {
		start = c.toks[c.nameTok-2].start
	}
	return sql[:start] + name + sql[t.end:], true
}

// bodyItem is one top-level item of a CREATE TABLE body: a column definition
// or a table constraint, with its source text.
type bodyItem struct {
	toks []token
	text string
	sep  int // the offset of the ',' before it; -1 for the first item
}

// tableItems splits the parenthesized body of CREATE TABLE into items.
func tableItems(sql string) ([]bodyItem, bool) {
	c, ok := parseCreate(sql)
	return itemsOf(sql, c, ok)
}

// itemsOf is tableItems(sql) for c, ok = parseCreate(sql).
func itemsOf(sql string, c *createStmt, ok bool) ([]bodyItem, bool) {
	items, _, ok := body(sql, c, ok)
	return items, ok
}

// body is itemsOf with the offset of the body's closing parenthesis.
func body(sql string, c *createStmt, ok bool) ([]bodyItem, int, bool) {
	if !ok || c.bodyFrom >= len(c.toks) || c.toks[c.bodyFrom].text != "(" {
		return nil, 0, false
	}
	var items []bodyItem
	depth, sep := 0, -1
	startTok := c.bodyFrom + 1
	item := func(end int) {
		if startTok < end {
			items = append(items, bodyItem{toks: c.toks[startTok:end], text: sql[c.toks[startTok].start:c.toks[end-1].end], sep: sep})
		}
	}
	for i := c.bodyFrom; i < len(c.toks); i++ {
		switch c.toks[i].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				item(i)
				return items, c.toks[i].start, true
			}
		case ",":
			if depth == 1 {
				item(i)
				startTok, sep = i+1, c.toks[i].start
			}
		}
	}
	return nil, 0, false
}

// isConstraint reports whether an item is a table constraint.
func (it bodyItem) isConstraint() bool {
	if len(it.toks) == 0 || it.toks[0].kind != 'w' {
		return false
	}
	switch strings.ToLower(it.toks[0].text) {
	case "constraint", "primary", "unique", "check", "foreign":
		return true
	}
	return false
}

// paren returns the tokens inside the parenthesis that opens at ts[i],
// and the index after the closing one.
func paren(ts []token, i int) ([]token, int) {
	if i >= len(ts) || ts[i].text != "(" {
		return nil, i
	}
	depth := 0
	for j := i; j < len(ts); j++ {
		switch ts[j].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return ts[i+1 : j], j + 1
			}
		}
	}
	return ts[i+1:], len(ts)
}

// sourceOf returns the source text spanned by tokens.
func sourceOf(src string, ts []token) string {
	if len(ts) == 0 {
		return ""
	}
	return src[ts[0].start:ts[len(ts)-1].end]
}

// columnInfo is what a column definition says beyond PRAGMA table_xinfo.
type columnInfo struct {
	collation     string
	autoincrement bool
	generated     string // expression source
	checks        []parsedCheck
	fkNames       map[string]string // "reftable" → constraint name of a column REFERENCES
}

type parsedCheck struct {
	name string
	expr string // source text
}

// parseColumn reads the constraints of a column definition.
func parseColumn(src string, it bodyItem) columnInfo {
	info := columnInfo{}
	ts := it.toks
	name := ""
	for i := 1; i < len(ts); i++ {
		w := strings.ToLower(ts[i].text)
		if ts[i].kind != 'w' {
			continue
		}
		switch w {
		case "constraint":
			if i+1 < len(ts) {
				name = ts[i+1].ident()
				i++
			}
			continue
		case "collate":
			if i+1 < len(ts) {
				info.collation = ts[i+1].ident()
				i++
			}
		case "autoincrement":
			info.autoincrement = true
		case "as":
			if i+1 < len(ts) && ts[i+1].text == "(" {
				inner, next := paren(ts, i+1)
				info.generated = sourceOf(src, inner)
				i = next - 1
			}
		case "check":
			if i+1 < len(ts) && ts[i+1].text == "(" {
				inner, next := paren(ts, i+1)
				info.checks = append(info.checks, parsedCheck{name: name, expr: sourceOf(src, inner)})
				i = next - 1
			}
		case "references":
			if name != "" && i+1 < len(ts) {
				if info.fkNames == nil {
					info.fkNames = map[string]string{}
				}
				info.fkNames[strings.ToLower(ts[i+1].ident())] = name
			}
		}
		name = ""
	}
	return info
}

// tableConstraint is a parsed table constraint.
type tableConstraint struct {
	name       string
	kind       string // "primary", "unique", "check", "foreign"
	columns    []string
	expr       string
	refTable   string
	deferred   bool
	deferrable bool
}

func parseConstraint(src string, it bodyItem) tableConstraint {
	ts := it.toks
	c := tableConstraint{}
	i := 0
	if strings.EqualFold(ts[0].text, "constraint") && len(ts) > 1 {
		c.name = ts[1].ident()
		i = 2
	}
	if i >= len(ts) {
		return c
	}
	c.kind = strings.ToLower(ts[i].text)
	for j := i; j < len(ts); j++ {
		if ts[j].text == "(" {
			inner, next := paren(ts, j)
			if c.kind == "check" {
				c.expr = sourceOf(src, inner)
			} else {
				for _, t := range inner {
					if t.kind == 'w' || t.kind == 'q' {
						c.columns = append(c.columns, t.ident())
					}
				}
			}
			j = next
			if c.kind == "foreign" {
				for k := next; k < len(ts); k++ {
					if strings.EqualFold(ts[k].text, "references") && k+1 < len(ts) {
						c.refTable = ts[k+1].ident()
					}
					if strings.EqualFold(ts[k].text, "deferrable") {
						c.deferrable = k == 0 || !strings.EqualFold(ts[k-1].text, "not")
					}
					if strings.EqualFold(ts[k].text, "deferred") {
						c.deferred = true
					}
				}
			}
			break
		}
	}
	return c
}
