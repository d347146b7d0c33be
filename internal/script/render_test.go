package script

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var renderDate = time.Date(2024, 3, 12, 10, 0, 0, 0, time.Local)

func TestRenderGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		f    NewFile
	}{
		{"publish_records", NewFile{
			ID: "1f3a9c2b7d4e", Message: "Add publish_records table.", Parents: []string{"8e2d4b6a1c0f"},
			CreateDate: renderDate.Add(123456 * time.Microsecond),
			Upgrade:    "CREATE TABLE publish_records (\n    id UUID NOT NULL,\n    PRIMARY KEY (id)\n);\n",
			Downgrade:  "DROP TABLE publish_records;",
		}},
		{"base_placeholders", NewFile{ID: "ae1027a6acf0", Message: "create account table", CreateDate: renderDate}},
		{"merge_labels_depends", NewFile{
			ID: "53fffde5ad5c", Message: "merge ae1 and 27c", Parents: []string{"ae1027a6acf0", "27c6a30d7c24"},
			BranchLabels: []string{"shoppingcart", "billing"}, DependsOn: []string{"1975ea83b712", "accounts"},
			CreateDate: time.Date(2026, 11, 25, 18, 8, 55, 605101000, time.UTC),
		}},
		{"multiline_message", NewFile{
			ID: "9f8e7d6c5b4a", Message: "  Backfill slugs.\r\n\r\nRuns in batches;\n\n\n  keeps   \nlocks short.\n+retort upgrade is not a marker here\n\n",
			Parents: []string{"1f3a9c2b7d4e"}, CreateDate: time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", -(5*3600+30*60))),
			Upgrade: "\n\n\r\nUPDATE a SET slug = lower(name);\r\n\r\n", Downgrade: "  \n",
		}},
		{"empty_message_no_date", NewFile{ID: "0a1b2c3d4e5f"}},
		{"no_transaction", NewFile{
			ID: "5e6f7a8b9c0d", Message: "index concurrently", Parents: []string{"0a1b2c3d4e5f"}, CreateDate: renderDate,
			NoTransaction: true, Upgrade: "CREATE INDEX CONCURRENTLY ix ON a (b);", Downgrade: "DROP INDEX CONCURRENTLY ix;",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := Render(tt.f)
			golden(t, "testdata/render/"+tt.name+".sql", out)
			checkRoundTrip(t, tt.f, out)
		})
	}
}

// checkRoundTrip checks Parse(Render(f)) against f, and that rendering the
// parsed script again gives the same bytes.
func checkRoundTrip(t *testing.T, f NewFile, out []byte) {
	t.Helper()
	s, err := Parse("r.sql", out)
	if err != nil {
		t.Fatalf("Parse(Render(f)): %v\n%s", err, out)
	}
	r := s.Revision
	msg := normalizeMessage(f.Message)
	first, _, _ := strings.Cut(msg, "\n\n")
	if r.ID != f.ID || !equalList(r.Parents, f.Parents) || !equalList(r.BranchLabels, f.BranchLabels) ||
		!equalList(r.DependsOn, f.DependsOn) || r.Message != first || s.Message != msg {
		t.Fatalf("Parse(Render(f)) = %+v (message %q), want %+v\n%s", r, s.Message, f, out)
	}
	if s.NoTransaction != f.NoTransaction || s.Upgrade.NoTransaction != f.NoTransaction {
		t.Fatalf("NoTransaction = %v, want %v", s.NoTransaction, f.NoTransaction)
	}
	if !f.CreateDate.IsZero() {
		got, err := ParseCreateDate(s.CreateDate)
		if err != nil || !got.Equal(f.CreateDate.Truncate(time.Microsecond)) {
			t.Fatalf("Create Date %q reads as %v (%v), want %v", s.CreateDate, got, err, f.CreateDate)
		}
	} else if s.CreateDate != "" {
		t.Fatalf("Create Date %q, want empty", s.CreateDate)
	}
	nf, err := s.NewFile()
	if err != nil {
		t.Fatal(err)
	}
	if again := Render(nf); !bytes.Equal(again, out) {
		t.Fatalf("Render(Parse(Render(f))) differs:\n%s\nwant\n%s", again, out)
	}
	if rev, err := ParseHeader("r.sql", out); err != nil || !reflect.DeepEqual(rev, r) {
		t.Fatalf("ParseHeader = %+v, %v; want %+v", rev, err, r)
	}
}

func firstParagraph(s string) string {
	first, _, _ := strings.Cut(s, "\n\n")
	return first
}

func equalList(a, b []string) bool { return len(a) == 0 && len(b) == 0 || slices.Equal(a, b) }

var idRe = regexp.MustCompile(`^[0-9a-f]{12}$`)

func TestNewID(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 1000 {
		id := NewID()
		if !idRe.MatchString(id) {
			t.Fatalf("NewID() = %q, want 12 lowercase hex characters", id)
		}
		if seen[id] {
			t.Fatalf("NewID() repeated %q", id)
		}
		seen[id] = true
	}
}

func TestFormatCreateDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		t        time.Time
		withZone bool
		want     string
	}{
		{time.Date(2026, 11, 25, 18, 2, 53, 485865000, time.UTC), false, "2026-11-25 18:02:53.485865"},
		{time.Date(2026, 11, 25, 18, 8, 55, 605101999, time.UTC), true, "2026-11-25 18:08:55.605101+00:00"},
		{time.Date(2024, 3, 12, 10, 0, 0, 0, time.UTC), false, "2024-03-12 10:00:00"},
		{time.Date(2024, 3, 12, 10, 0, 0, 999, time.UTC), false, "2024-03-12 10:00:00"},
		{time.Date(2024, 3, 12, 10, 0, 0, 1000, time.FixedZone("", -(3*3600+30*60))), true, "2024-03-12 10:00:00.000001-03:30"},
		{time.Date(2024, 3, 12, 10, 0, 0, 0, time.FixedZone("", 5*3600+45*60+30)), true, "2024-03-12 10:00:00+05:45:30"},
		{time.Date(999, 1, 2, 3, 4, 5, 0, time.UTC), false, "0999-01-02 03:04:05"},
	}
	for _, tt := range tests {
		if got := FormatCreateDate(tt.t, tt.withZone); got != tt.want {
			t.Errorf("FormatCreateDate(%v, %v) = %q, want %q", tt.t, tt.withZone, got, tt.want)
		}
		back, err := ParseCreateDate(tt.want)
		if err != nil || !back.Equal(tt.t.Truncate(time.Microsecond)) {
			t.Errorf("ParseCreateDate(%q) = %v, %v", tt.want, back, err)
		}
		if tt.withZone == (back.Location() == time.Local) {
			t.Errorf("ParseCreateDate(%q) location %v", tt.want, back.Location())
		}
	}
	if _, err := ParseCreateDate("yesterday"); err == nil {
		t.Error("ParseCreateDate accepted nonsense")
	}
}

// randomFile builds a NewFile from r, with messages and bodies drawn from
// awkward pieces.
func randomFile(r *rand.Rand) NewFile {
	pieces := []string{"Add", "table", " ", "\n", "\n\n", "\r\n", "\t", "  ", "+retort upgrade", "-- +retort downgrade",
		"Revision ID: x", "Revises: y", "é", "☃", "'", "$$", ";", "--", "\u00a0", "\u2028", "\x00", "\xff", "%"}
	text := func(n int) string {
		var b strings.Builder
		for range r.IntN(n) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	ids := func(n int) []string {
		var out []string
		for range r.IntN(n) {
			out = append(out, NewID())
		}
		return out
	}
	bodies := []string{"", "SELECT 1;", "CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (';');", "  \n-- just a comment\n", "DO $$ BEGIN END $$;"}
	f := NewFile{
		ID: NewID(), Message: text(12), Parents: ids(3), DependsOn: ids(2),
		Upgrade: bodies[r.IntN(len(bodies))], Downgrade: bodies[r.IntN(len(bodies))], NoTransaction: r.IntN(3) == 0,
	}
	if r.IntN(2) == 0 {
		f.BranchLabels = []string{"label", "b_2"}[:1+r.IntN(2)]
	}
	switch r.IntN(3) {
	case 0:
		f.CreateDate = time.Unix(r.Int64N(4e9), r.Int64N(1e9)).In(time.Local)
	case 1:
		f.CreateDate = time.Unix(r.Int64N(4e9), r.Int64N(1e9)).In(time.FixedZone("", (r.IntN(49)-24)*1800))
	}
	return f
}

func TestRenderRoundTripProperty(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		f := randomFile(r)
		checkRoundTrip(t, f, Render(f))
	}
}

func FuzzRenderRoundTrip(f *testing.F) {
	f.Add("Add publish_records table.", "CREATE TABLE a (id int);", "DROP TABLE a;", true)
	f.Add("line one\n\n+retort upgrade\n  indented\r\nRevision ID: zz", "", "  \n", false)
	f.Fuzz(func(t *testing.T, msg, up, down string, noTx bool) {
		nf := NewFile{ID: "abc123", Message: msg, Parents: []string{"p1", "p2"}, Upgrade: up, Downgrade: down,
			NoTransaction: noTx, CreateDate: renderDate}
		out := Render(nf)
		if rev, err := ParseHeader("r.sql", out); err != nil || rev.ID != "abc123" || rev.Message != firstParagraph(normalizeMessage(msg)) {
			t.Fatalf("ParseHeader(Render(f)) = %+v, %v", rev, err)
		}
		s, err := Parse("r.sql", out)
		if err != nil {
			return // the bodies are arbitrary SQL; the header must still read back
		}
		if s.Revision.ID != "abc123" || s.Message != normalizeMessage(msg) {
			t.Fatalf("round trip: %+v", s.Revision)
		}
		nf2, err := s.NewFile()
		if err != nil {
			t.Fatal(err)
		}
		if again := Render(nf2); !bytes.Equal(again, out) {
			t.Fatalf("Render(Parse(x)) differs:\n%q\nwant\n%q", again, out)
		}
	})
}
