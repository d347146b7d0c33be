package script

import (
	"slices"
	"strings"
	"testing"
)

func TestReplaceParent(t *testing.T) {
	t.Parallel()
	src := "-- msg\n--\n-- Revision ID: c\n-- revises:  a, b \n-- Create Date:\n\n-- +retort upgrade\nSELECT 1; -- Revises: a\n"
	out, err := ReplaceParent("c.sql", []byte(src), "b", "sq")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, "-- revises:  a, b ", "-- revises: a, sq", 1)
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if _, err := ReplaceParent("c.sql", []byte(src), "zz", "sq"); err == nil {
		t.Error("replacing a parent the file does not name: no error")
	}
}

func TestReplacesHeaderRoundTrip(t *testing.T) {
	t.Parallel()
	data := Render(NewFile{ID: "sq", Parents: []string{"a"}, Replaces: []string{"b", "c"}, Upgrade: "SELECT 1"})
	if !strings.Contains(string(data), "-- Replaces: b, c\n") {
		t.Fatalf("no Replaces: line:\n%s", data)
	}
	sc, err := Parse("sq.sql", data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sc.Revision.Replaces, []string{"b", "c"}) {
		t.Errorf("Replaces = %v", sc.Revision.Replaces)
	}
	f, err := sc.NewFile()
	if err != nil {
		t.Fatal(err)
	}
	if string(Render(f)) != string(data) {
		t.Error("Render(Parse(x)) != x")
	}
	if _, err := Parse("x.sql", []byte("-- Revision ID: x\n-- Replaces: x\n")); err == nil || !strings.Contains(err.Error(), "lists itself") {
		t.Errorf("a revision replacing itself: %v", err)
	}
	if !strings.Contains(string(Render(NewFile{ID: "x"})), "Depends On:\n\n") {
		t.Error("an empty Replaces: must not be written")
	}
}
