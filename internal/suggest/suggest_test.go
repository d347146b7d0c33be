package suggest

import "testing"

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"script_location", "scrip_location", 1}, {"flaw", "lawn", 2}, {"same", "same", 0},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	known := []string{"script_location", "url", "models", "version_table"}
	for _, tt := range []struct {
		word string
		max  int
		want string
	}{
		{"scrip_location", 3, "script_location"},
		{"model", 3, "models"},
		{"version-table", 3, "version_table"},
		{"versiontable", 3, "version_table"},
		{"colour", 3, ""},
		{"ur", 3, "url"},
		{"xyz", 3, ""}, // 3 edits from "url", more than a third of it
		{"modls", 0, ""},
	} {
		if got := Closest(tt.word, known, tt.max); got != tt.want {
			t.Errorf("Closest(%q, max %d) = %q, want %q", tt.word, tt.max, got, tt.want)
		}
	}
}
