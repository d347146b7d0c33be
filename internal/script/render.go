package script

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// NewFile describes a revision file to write.
type NewFile struct {
	ID           string
	Message      string
	Parents      []string
	BranchLabels []string
	DependsOn    []string
	// Replaces lists the revisions a squash folded into this one, oldest
	// first; the "Replaces:" line is written only when it is not empty.
	Replaces []string
	// CreateDate is written like Python's str(datetime): a time in
	// time.Local without offset (Alembic without a timezone setting), any
	// other location with its offset ("+00:00"). The zero time writes an
	// empty "Create Date:".
	CreateDate time.Time
	Upgrade    string // body under the upgrade marker ("" → a placeholder comment)
	Downgrade  string
	// NoTransaction writes "-- +retort no-transaction" before the upgrade
	// marker: neither section runs in a transaction.
	NoTransaction bool
}

// Placeholders written for an empty section body.
const (
	UpgradePlaceholder   = "-- Write the upgrade SQL here (a revision meant to do nothing says so with a line \"-- +retort empty\")."
	DowngradePlaceholder = "-- Write the downgrade SQL here."
)

// EmptyMessage is the message written for a revision without one, as
// Alembic does.
const EmptyMessage = "empty message"

// Render returns the bytes of a new revision file in the documented format.
// Parse(Render(f)) gives back the same revision. Render does not check the
// ids and labels: ParseHeader on the result does.
//
// The message is cleaned the way Parse would read it back: line endings
// become "\n", trailing blanks and surrounding blank lines go, and a line
// that would read as a "-- +retort" annotation is written "+ retort"; bytes
// that are not UTF-8 and NUL bytes are written as U+FFFD.
func Render(f NewFile) []byte {
	var b strings.Builder
	for _, line := range strings.Split(normalizeMessage(f.Message), "\n") {
		if line == "" {
			b.WriteString("--\n")
		} else {
			b.WriteString("-- " + line + "\n")
		}
	}
	b.WriteString("--\n")
	writeField(&b, keyRevisionID, f.ID)
	writeField(&b, keyRevises, strings.Join(f.Parents, ", "))
	date := ""
	if !f.CreateDate.IsZero() {
		date = FormatCreateDate(f.CreateDate, f.CreateDate.Location() != time.Local)
	}
	writeField(&b, keyCreateDate, date)
	writeField(&b, keyBranchLabels, strings.Join(f.BranchLabels, ", "))
	writeField(&b, keyDependsOn, strings.Join(f.DependsOn, ", "))
	if len(f.Replaces) > 0 {
		writeField(&b, keyReplaces, strings.Join(f.Replaces, ", "))
	}
	b.WriteString("\n")
	if f.NoTransaction {
		b.WriteString("-- +retort no-transaction\n\n")
	}
	b.WriteString("-- +retort upgrade\n")
	b.WriteString(body(f.Upgrade, UpgradePlaceholder))
	b.WriteString("\n\n-- +retort downgrade\n")
	b.WriteString(body(f.Downgrade, DowngradePlaceholder))
	b.WriteString("\n")
	return []byte(b.String())
}

func writeField(b *strings.Builder, key, value string) {
	b.WriteString("-- " + key + ":")
	if value != "" {
		b.WriteString(" " + value)
	}
	b.WriteString("\n")
}

func body(text, placeholder string) string {
	text = sectionText(normalizeNewlines(text))
	if text == "" {
		return placeholder
	}
	return text
}

func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// normalizeMessage is the message as a parsed header gives it back.
func normalizeMessage(m string) string {
	// A NUL is refused by Parse, so it goes like a byte that is not UTF-8.
	m = strings.ReplaceAll(strings.ToValidUTF8(m, "\uFFFD"), "\x00", "\uFFFD")
	lines := strings.Split(normalizeNewlines(m), "\n")
	for i, line := range lines {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if _, ok := annotationText(line); ok {
			j := strings.IndexByte(line, '+')
			line = line[:j+1] + " " + line[j+1:]
		}
		lines[i] = line
	}
	m = strings.TrimSpace(strings.Join(lines, "\n"))
	if m == "" {
		return EmptyMessage
	}
	return m
}

// NewFile returns the description that renders s again: Render(s.NewFile())
// reproduces a file Render wrote. It fails when the Create Date is not in
// the form FormatCreateDate writes.
func (s *Script) NewFile() (NewFile, error) {
	f := NewFile{
		ID:            s.Revision.ID,
		Message:       s.Message,
		Parents:       s.Revision.Parents,
		BranchLabels:  s.Revision.BranchLabels,
		DependsOn:     s.Revision.DependsOn,
		Replaces:      s.Revision.Replaces,
		Upgrade:       s.Upgrade.Text,
		Downgrade:     s.Downgrade.Text,
		NoTransaction: s.NoTransaction,
	}
	if s.CreateDate != "" {
		t, err := ParseCreateDate(s.CreateDate)
		if err != nil {
			return NewFile{}, err
		}
		f.CreateDate = t
	}
	return f, nil
}

// NewID returns a random 12-character lowercase hex id.
func NewID() string {
	var b [6]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand crashes the program instead)
	return hex.EncodeToString(b[:])
}

// FormatCreateDate renders t like Python's str(datetime): "2006-01-02
// 15:04:05.000000" (the fraction left out when the microseconds are zero, as
// Python does) and, when withZone, the "+00:00" style offset appended.
func FormatCreateDate(t time.Time, withZone bool) string {
	s := fmt.Sprintf("%04d-%02d-%02d %02d:%02d:%02d",
		t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second())
	if us := t.Nanosecond() / 1000; us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	if withZone {
		_, off := t.Zone()
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		s += fmt.Sprintf("%c%02d:%02d", sign, off/3600, off/60%60)
		if off%60 != 0 {
			s += fmt.Sprintf(":%02d", off%60)
		}
	}
	return s
}

// ParseCreateDate reads what FormatCreateDate writes. Without an offset the
// time is in time.Local; with one it is in a fixed zone (UTC for +00:00).
func ParseCreateDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05Z07:00:00"} {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, nil
		}
	}
	t, err := time.ParseInLocation("2006-01-02 15:04:05", s, time.Local)
	if err != nil {
		return time.Time{}, fmt.Errorf("create date %q is not in the form \"2006-01-02 15:04:05.000000[+00:00]\"", s)
	}
	return t, nil
}
