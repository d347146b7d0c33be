package script

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/retortdb/retort/internal/revision"
)

// Header field keys, in the order Render writes them.
const (
	keyRevisionID   = "Revision ID"
	keyRevises      = "Revises"
	keyCreateDate   = "Create Date"
	keyBranchLabels = "Branch Labels"
	keyDependsOn    = "Depends On"
	// keyReplaces lists the revisions a squashed revision folded (retort
	// squash), oldest first: a database whose version row names the last
	// of them is at this revision (docs/file-format.md).
	keyReplaces = "Replaces"
)

const utf8BOM = "\xef\xbb\xbf"

// fieldKey returns the canonical spelling of header key k (matched without
// regard to case) and its place in the order above, or -1.
func fieldKey(k string) (string, int) {
	for i, known := range [...]string{keyRevisionID, keyRevises, keyCreateDate, keyBranchLabels, keyDependsOn, keyReplaces} {
		if strings.EqualFold(k, known) {
			return known, i
		}
	}
	return "", -1
}

// header is what the leading comment block of a file says.
type header struct {
	rev        *revision.Revision
	createDate string
	message    string // every paragraph before the field block
}

// headerExtent finds the header at the top of data: optional blank lines,
// then "--" comment lines up to the first line that is not a comment or is a
// "-- +retort" annotation. end is the offset of that line (len(data) if the
// file ends first); complete is false when data ends inside the header
// without a final newline, so more input might extend it.
func headerExtent(data []byte) (start, end int, complete bool) {
	if bytes.HasPrefix(data, []byte(utf8BOM)) {
		start = len(utf8BOM)
	}
	i := start
	inComments := false
	for i < len(data) {
		nl := bytes.IndexByte(data[i:], '\n')
		lineEnd := len(data)
		if nl >= 0 {
			lineEnd = i + nl
		}
		line := bytes.TrimLeft(data[i:lineEnd], " \t\r\v\f")
		switch {
		case len(bytes.TrimRight(line, " \t\r\v\f")) == 0 && !inComments:
			// leading blank line
		case bytes.HasPrefix(line, []byte("--")):
			if isAnnotation(line[2:]) {
				return start, i, true
			}
			inComments = true
		default:
			return start, i, true
		}
		if nl < 0 {
			return start, len(data), false
		}
		i = lineEnd + 1
	}
	return start, len(data), false
}

// isAnnotation is annotationText's test on bytes, without a copy.
func isAnnotation(comment []byte) bool {
	c := bytes.TrimLeftFunc(comment, unicode.IsSpace)
	const tag = "+retort"
	return len(c) >= len(tag) && bytes.EqualFold(c[:len(tag)], []byte(tag))
}

// ParseHeader reads only the header (stops at the first "-- +retort" marker):
// fast, for loading thousands of files.
func ParseHeader(path string, data []byte) (*revision.Revision, error) {
	h, _, err := parseHeader(path, data)
	if err != nil {
		return nil, err
	}
	return h.rev, nil
}

// firstInvalidUTF8 returns the 1-based line and column (in bytes) of the
// first byte that is not UTF-8, or 0.
func firstInvalidUTF8(data []byte) (line, col int, b byte) {
	if utf8.Valid(data) {
		return 0, 0, 0
	}
	line, lineStart := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
				lineStart = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return line, i - lineStart + 1, c
		}
		i += size
	}
	return 0, 0, 0
}

// textError reports the first byte that makes data not text: one that is
// not UTF-8, or a NUL (which no database takes in SQL text, and which
// hides what follows it from many tools).
func textError(path string, data []byte) error {
	if line, col, b := firstInvalidUTF8(data); line != 0 {
		return &Error{Path: path, Line: line, Msg: fmt.Sprintf(
			"not valid UTF-8 (byte 0x%02x at column %d); save the file as UTF-8", b, col)}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := 1 + bytes.Count(data[:i], []byte("\n"))
		col := i - (bytes.LastIndexByte(data[:i], '\n') + 1) + 1
		return &Error{Path: path, Line: line, Msg: fmt.Sprintf(
			"NUL byte (0x00) at column %d; a revision file is text: remove it", col)}
	}
	return nil
}

// parseHeader parses the header of data and returns the offset where the
// body starts (the line after the header).
func parseHeader(path string, data []byte) (*header, int, error) {
	start, end, _ := headerExtent(data)
	if err := textError(path, data[:end]); err != nil {
		return nil, 0, err
	}
	text := string(data[start:end])
	line := 1
	// Skip leading blank lines.
	for {
		nl := strings.IndexByte(text, '\n')
		if nl < 0 || strings.TrimSpace(text[:nl]) != "" {
			break
		}
		text = text[nl+1:]
		line++
	}
	if strings.TrimSpace(text) == "" {
		if end == len(data) {
			line = 1 // the file is blank
		}
		return nil, 0, &Error{Path: path, Line: line, Msg: "no header: a revision file starts with a " +
			"comment block that holds at least \"-- Revision ID: <id>\""}
	}
	headerLine := line
	raw := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	lines := make([]string, len(raw))
	for i, r := range raw {
		r = strings.TrimLeftFunc(r, unicode.IsSpace)[2:] // each is a "--" comment
		r = strings.TrimPrefix(r, " ")
		lines[i] = strings.TrimRightFunc(r, unicode.IsSpace)
	}

	// The field block is the run of "Key: value" lines around the last
	// "Revision ID:" line; everything above it is the message.
	idLine := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if k, _, ok := field(lines[i]); ok && k == keyRevisionID {
			idLine = i
			break
		}
	}
	if idLine < 0 {
		return nil, 0, &Error{Path: path, Line: headerLine, Msg: "no \"Revision ID:\" line in the header " +
			"(the \"--\" comment lines at the top of the file, up to the first other line); add \"-- Revision ID: <id>\""}
	}
	first, last := idLine, idLine
	for first > 0 {
		if _, _, ok := field(lines[first-1]); !ok {
			break
		}
		first--
	}
	for last+1 < len(lines) {
		if _, _, ok := field(lines[last+1]); !ok {
			break
		}
		last++
	}

	rev := &revision.Revision{Path: path}
	h := &header{rev: rev}
	var seen [6]int // line of each key
	for i := first; i <= last; i++ {
		k, v, _ := field(lines[i])
		n := headerLine + i
		_, ki := fieldKey(k)
		if prev := seen[ki]; prev != 0 {
			return nil, 0, &Error{Path: path, Line: n, Msg: fmt.Sprintf(
				"duplicate %q line in the header (first at line %d); keep one", k+":", prev)}
		}
		seen[ki] = n
		var err error
		switch k {
		case keyRevisionID:
			if v == "" {
				return nil, 0, &Error{Path: path, Line: n, Msg: "empty Revision ID; write the revision's id after \"Revision ID:\""}
			}
			if err := revision.ValidateID(v); err != nil {
				return nil, 0, &Error{Path: path, Line: n, Msg: err.Error()}
			}
			rev.ID = v
		case keyRevises:
			rev.Parents, err = list(k, v, true)
		case keyCreateDate:
			h.createDate = v
		case keyBranchLabels:
			rev.BranchLabels, err = list(k, v, false)
		case keyDependsOn:
			rev.DependsOn, err = list(k, v, false)
		case keyReplaces:
			rev.Replaces, err = list(k, v, true)
		}
		if err != nil {
			return nil, 0, &Error{Path: path, Line: n, Msg: err.Error()}
		}
	}

	// A self-loop is an error of the graph too; here it names the line.
	for _, l := range [...]struct {
		key   string
		line  int
		items []string
	}{{keyRevises, seen[1], rev.Parents}, {keyDependsOn, seen[4], rev.DependsOn}, {keyReplaces, seen[5], rev.Replaces}} {
		if slices.Contains(l.items, rev.ID) {
			return nil, 0, &Error{Path: path, Line: l.line, Msg: fmt.Sprintf(
				"revision %s lists itself in %q; a revision cannot revise or depend on itself", rev.ID, l.key+":")}
		}
	}
	h.message = strings.TrimSpace(strings.Join(lines[:first], "\n"))
	rev.Message, _, _ = strings.Cut(h.message, "\n\n")
	rev.Doc = strings.TrimSpace(strings.Join(lines, "\n"))
	return h, end, nil
}

// field splits a header line "Key: value" for the known keys (matched
// without regard to case).
func field(line string) (key, value string, ok bool) {
	k, v, found := strings.Cut(line, ":")
	if !found {
		return "", "", false
	}
	if known, i := fieldKey(strings.TrimSpace(k)); i >= 0 {
		return known, strings.TrimSpace(v), true
	}
	return "", "", false
}

// list splits a comma-separated header value.
func list(key, value string, ids bool) ([]string, error) {
	if value == "" {
		return nil, nil
	}
	parts := strings.Split(value, ",")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, fmt.Errorf("empty item in %q %q; separate items with single commas", key+":", value)
		}
		if ids {
			if err := revision.ValidateID(p); err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
		} else if strings.IndexFunc(p, unicode.IsSpace) >= 0 {
			return nil, fmt.Errorf("%s item %q contains whitespace; separate items with commas", key, p)
		}
		if slices.Contains(out, p) {
			return nil, fmt.Errorf("%q lists %s twice; list each item once", key+":", p)
		}
		out = append(out, p)
	}
	return out, nil
}
