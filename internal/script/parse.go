package script

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/retortdb/retort/internal/revision"
)

// Section is the body under "-- +retort upgrade" or "-- +retort downgrade".
type Section struct {
	Statements    []Statement
	NoTransaction bool // "-- +retort no-transaction" applies to this section (or the whole file)
	// Empty is set by "-- +retort empty" in the section: it is meant to
	// hold no statement (see Script.CheckUpgrade).
	Empty bool
	// Manual holds the lines of the "-- +retort manual" annotations in the
	// section: blocks left by retort import for a person to translate. A
	// section holding one never runs (Script.CheckManual).
	Manual []int `json:",omitempty"`
	Line   int   // line of the marker; 0 when the file has no such section
	// Text is the section's body as written, between its marker line and the
	// next marker (or the end), without leading blank lines and trailing
	// white space. Render writes it back unchanged.
	Text string
}

// Script is a fully parsed revision file.
type Script struct {
	Revision   *revision.Revision
	CreateDate string // as written in the header
	// Message is the whole message above the header fields, every paragraph
	// (Revision.Message holds only the first).
	Message string
	// NoTransaction is set when "-- +retort no-transaction" comes before the
	// first section marker: it applies to both sections.
	NoTransaction bool
	Upgrade       Section
	Downgrade     Section
	// Checksum is the hex SHA-256 of the file body from the first "-- +retort"
	// marker to the end, line endings normalized to "\n": what runs. Header
	// edits (the message) do not change it.
	Checksum string
	// Source is the whole file, line endings normalized to "\n" (lint reads
	// its comments).
	Source string `json:"-"`
}

// Parse reads the whole file, header and sections. Errors are *Error naming
// path and line.
func Parse(path string, data []byte) (*Script, error) {
	if err := textError(path, data); err != nil {
		return nil, err
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	h, bodyStart, err := parseHeader(path, data)
	if err != nil {
		return nil, err
	}
	bodyLine := 1 + bytes.Count(data[:bodyStart], []byte("\n"))
	body := string(data[bodyStart:])
	items, err := scanBody(body, bodyLine)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.Path = path
		}
		return nil, err
	}

	s := &Script{Revision: h.rev, CreateDate: h.createDate, Message: h.message, Source: strings.TrimPrefix(string(data), "\ufeff")}
	var (
		cur        *Section
		curEnd     int // offset where cur's text starts
		firstAnnot = -1
	)
	closeSection := func(at int) {
		if cur != nil {
			cur.Text = sectionText(body[curEnd:at])
		}
	}
	for _, it := range items {
		if it.annot == 0 {
			if cur == nil {
				return nil, &Error{Path: path, Line: it.stmt.Line, Msg: fmt.Sprintf(
					"SQL before the first section marker; put it under %s or %s", annotUpgrade, annotDowngrade)}
			}
			if cur.Empty {
				return nil, &Error{Path: path, Line: it.stmt.Line, Msg: fmt.Sprintf(
					"SQL in a section marked %s; remove the marker or the SQL", annotEmpty)}
			}
			if !cur.NoTransaction {
				if e := checkTxControl(it); e != nil {
					e.Path = path
					return nil, e
				}
			}
			cur.Statements = append(cur.Statements, it.stmt)
			continue
		}
		if firstAnnot < 0 {
			firstAnnot = it.lineStart
		}
		switch it.annot {
		case annotUpgrade, annotDowngrade:
			next := &s.Upgrade
			if it.annot == annotDowngrade {
				next = &s.Downgrade
			}
			if next.Line != 0 {
				return nil, &Error{Path: path, Line: it.line, Msg: fmt.Sprintf(
					"duplicate %s marker (the first is at line %d); a file has one upgrade and at most one downgrade section",
					it.annot, next.Line)}
			}
			closeSection(it.lineStart)
			cur, curEnd = next, it.lineEnd
			cur.Line = it.line
			cur.NoTransaction = s.NoTransaction
		case annotEmpty:
			switch {
			case cur == nil:
				return nil, &Error{Path: path, Line: it.line, Msg: fmt.Sprintf(
					"%s goes in the section meant to do nothing, on the line after its marker (%s)", it.annot, annotUpgrade)}
			case len(cur.Statements) > 0:
				return nil, &Error{Path: path, Line: it.line, Msg: fmt.Sprintf(
					"%s marks a section that holds no SQL, but this one has statements since line %d; remove the marker or the SQL",
					it.annot, cur.Statements[0].Line)}
			}
			cur.Empty = true
		case annotManual:
			if cur == nil {
				return nil, &Error{Path: path, Line: it.line, Msg: fmt.Sprintf(
					"%s goes in the section whose untranslated part it marks, after %s or %s",
					it.annot, annotUpgrade, annotDowngrade)}
			}
			cur.Manual = append(cur.Manual, it.line)
		case annotNoTransaction:
			switch {
			case cur == nil:
				s.NoTransaction = true
			case len(cur.Statements) > 0:
				return nil, &Error{Path: path, Line: it.line, Msg: fmt.Sprintf(
					"%s must come right after the section marker (line %d), before the first statement, "+
						"or before the first marker for the whole file", it.annot, cur.Line)}
			default:
				cur.NoTransaction = true
			}
		}
	}
	closeSection(len(body))
	if s.Upgrade.Line == 0 {
		return nil, &Error{Path: path, Line: bodyLine, Msg: fmt.Sprintf(
			"no %s marker; put the upgrade SQL under a line %q (and the downgrade SQL under %q)",
			annotUpgrade, "-- +retort upgrade", "-- +retort downgrade")}
	}
	sum := sha256.Sum256([]byte(body[firstAnnot:]))
	s.Checksum = hex.EncodeToString(sum[:])
	return s, nil
}

// sectionText trims leading blank lines and trailing white space.
func sectionText(t string) string {
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	for {
		nl := strings.IndexByte(t, '\n')
		if nl < 0 || strings.TrimSpace(t[:nl]) != "" {
			return t
		}
		t = t[nl+1:]
	}
}

// CheckUpgrade refuses to run an upgrade section that holds no statement,
// which is what an unedited template looks like, unless the section says it
// is meant to be empty ("-- +retort empty") or the revision is a merge point
// (several parents: `retort merge` writes one, and merging is its whole
// work). path is the file as messages show it.
func (s *Script) CheckUpgrade(path string) error {
	if len(s.Upgrade.Statements) > 0 || s.Upgrade.Empty || len(s.Revision.Parents) > 1 {
		return nil
	}
	return &Error{Path: path, Line: s.Upgrade.Line, Msg: fmt.Sprintf(
		"the upgrade section holds no SQL statement (an unedited template?): write the upgrade SQL, "+
			"or add a line %q after %q if the revision is meant to do nothing", "-- +retort empty", "-- +retort upgrade")}
}

// CheckManual refuses to run a section that still holds a "-- +retort
// manual" block: a part of an imported revision that retort import could not
// translate, quoted as comments for a person to replace with SQL. Running the
// rest of the section would record the revision as applied without it. down
// picks the downgrade section; path is the file as messages show it.
func (s *Script) CheckManual(path string, down bool) error {
	sec, name := &s.Upgrade, "upgrade"
	if down {
		sec, name = &s.Downgrade, "downgrade"
	}
	if len(sec.Manual) == 0 {
		return nil
	}
	return &Error{Path: path, Line: sec.Manual[0], Msg: fmt.Sprintf(
		"the %s section holds a block left by retort import for a person to translate (%q): "+
			"replace the block left by retort import with SQL that does what its quoted source did, and delete the marker line",
		name, annotManual.String())}
}
