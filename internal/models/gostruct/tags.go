package gostruct

import (
	"strings"
)

// splitTop splits s at sep, ignoring separators inside parentheses or
// quotes ('…', "…", `…`).
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			if depth > 0 {
				depth--
			}
		case c == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// cutSub splits a sub-option "key:value" or "key=value" whose key is a bare
// word.
func cutSub(s string) (key, val string, ok bool) {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, ":=")
	if i <= 0 {
		if isWord(s) {
			return strings.ToLower(s), "", true
		}
		return "", "", false
	}
	k := strings.TrimSpace(s[:i])
	if !isWord(k) {
		return "", "", false
	}
	return strings.ToLower(k), strings.TrimSpace(s[i+1:]), true
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// option is one `retort:"…"` option: key, its main value, and sub-options
// written after commas ("index:name,where:…").
type option struct {
	key  string
	val  string
	subs []subOption
	raw  string
}

type subOption struct{ key, val string }

// parseRetortTag splits a `retort` tag into options separated by ';'.
func parseRetortTag(tag string) []option {
	var out []option
	for _, part := range splitTop(tag, ';') {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, rest, hasVal := strings.Cut(part, ":")
		key = strings.ToLower(strings.TrimSpace(key))
		o := option{key: key, raw: part}
		if !hasVal {
			// "pk,identity" — a comma list without values is a common slip;
			// keep the pieces as subs so the caller can point at it.
			pieces := splitTop(key, ',')
			o.key = strings.TrimSpace(pieces[0])
			for _, s := range pieces[1:] {
				k, v, _ := cutSub(s)
				if k == "" {
					k = strings.TrimSpace(s)
				}
				o.subs = append(o.subs, subOption{k, v})
			}
			out = append(out, o)
			continue
		}
		if h := tagHandlerFor(key); h != nil && h.verbatim {
			// The whole value as written: commas are part of it.
			o.val = strings.TrimSpace(rest)
			out = append(out, o)
			continue
		}
		pieces := splitTop(rest, ',')
		o.val = strings.TrimSpace(pieces[0])
		for _, s := range pieces[1:] {
			k, v, ok := cutSub(s)
			if !ok {
				k = strings.TrimSpace(s)
			}
			o.subs = append(o.subs, subOption{k, v})
		}
		out = append(out, o)
	}
	return out
}

// dbTagName is the column name in a `db:"…"` tag (sqlx, scany, pgx):
// everything before the first comma.
func dbTagName(tag string) string {
	name, _, _ := strings.Cut(tag, ",")
	return strings.TrimSpace(name)
}
