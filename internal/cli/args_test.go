package cli

import (
	"slices"
	"testing"

	"github.com/retortdb/retort/internal/term"
)

func TestFixNegativeArgs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want []string
	}{
		{[]string{"downgrade", "-1"}, []string{"downgrade", "--", "-1"}},
		{[]string{"downgrade", "-1", "--sql"}, []string{"downgrade", "--sql", "--", "-1"}},
		{[]string{"-q", "downgrade", "-2"}, []string{"-q", "downgrade", "--", "-2"}},
		{[]string{"-c", "x.toml", "downgrade", "-1"}, []string{"-c", "x.toml", "downgrade", "--", "-1"}},
		{[]string{"--config", "-1", "downgrade", "-1"}, []string{"--config", "-1", "downgrade", "--", "-1"}},
		{[]string{"downgrade", "--tag", "-5", "-1"}, []string{"downgrade", "--tag", "-5", "--", "-1"}},
		{[]string{"downgrade", "--tag=x", "-1"}, []string{"downgrade", "--tag=x", "--", "-1"}},
		{[]string{"upgrade", "-2", "-x", "a=b"}, []string{"upgrade", "-x", "a=b", "--", "-2"}},
		{[]string{"stamp", "-1", "abc"}, []string{"stamp", "--", "-1", "abc"}},
		{[]string{"stamp", "abc", "-1"}, []string{"stamp", "--", "abc", "-1"}},
		{[]string{"history", "-r", "-3:"}, []string{"history", "-r", "-3:"}},
		{[]string{"history", "-vr", "-3:current"}, []string{"history", "-vr", "-3:current"}},
		{[]string{"history", "-r-3:current"}, []string{"history", "-r-3:current"}},
		{[]string{"history", "--rev-range", "-3:current"}, []string{"history", "--rev-range", "-3:current"}},
		{[]string{"upgrade", "+2"}, []string{"upgrade", "+2"}},
		{[]string{"downgrade", "--", "-1"}, []string{"downgrade", "--", "-1"}},
		{[]string{"downgrade", "--sql", "head:-1"}, []string{"downgrade", "--sql", "head:-1"}},
		{[]string{"downgrade", "--sql", "-1:base"}, []string{"downgrade", "--sql", "--", "-1:base"}},
	}
	for _, tt := range tests {
		// A fresh root each time: cobra merges persistent flags lazily.
		io, _, _, _ := term.Test()
		root := newApp(Options{IO: io}).rootCommand()
		if got := fixNegativeArgs(root, tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("fixNegativeArgs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
