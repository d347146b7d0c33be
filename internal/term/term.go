// Package term owns what retort knows about the terminal: whether stdout and
// stderr are terminals, whether colour is wanted, colour helpers, and a
// progress line for long runs. Tests use Test's buffers instead of the
// process's streams.
//
// It must not import any other retort package.
package term

import (
	"bytes"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// IOStreams are the streams a command reads and writes, with what is known
// about them. Data goes to Out, decoration and diagnostics to Err.
type IOStreams struct {
	In           io.Reader
	Out          io.Writer
	Err          io.Writer
	IsTTY        bool // Out is a terminal
	InIsTTY      bool // In is a terminal: a command may ask a question
	ErrIsTTY     bool // Err is a terminal; progress is drawn only then
	ColorEnabled bool // colour escapes may be written (to Out and Err)
}

// System returns the process's streams. Colour is on only when stdout is a
// terminal, NO_COLOR is not set (to any value, even empty) and TERM is not
// "dumb".
func System() *IOStreams {
	out := isTerminal(os.Stdout)
	return &IOStreams{
		In:           os.Stdin,
		Out:          os.Stdout,
		Err:          os.Stderr,
		IsTTY:        out,
		InIsTTY:      isTerminal(os.Stdin),
		ErrIsTTY:     isTerminal(os.Stderr),
		ColorEnabled: ColorAllowed(out, os.LookupEnv),
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// ColorAllowed is System's colour rule, with the environment passed in.
func ColorAllowed(isTTY bool, getenv func(string) (string, bool)) bool {
	if !isTTY {
		return false
	}
	if _, set := getenv("NO_COLOR"); set {
		return false
	}
	if t, _ := getenv("TERM"); t == "dumb" {
		return false
	}
	return true
}

// Test returns streams over buffers (In, Out, Err), not terminals and
// without colour; a test may set IsTTY, ErrIsTTY and ColorEnabled.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errb := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, Err: errb}, in, out, errb
}

// Colors returns the colour helpers for these streams.
func (s *IOStreams) Colors() Colors { return Colors{enabled: s.ColorEnabled} }

// Colors wraps text in ANSI styles, or returns it unchanged when colour is
// off.
type Colors struct{ enabled bool }

// Enabled reports whether the helpers add escapes.
func (c Colors) Enabled() bool { return c.enabled }

func (c Colors) wrap(code, s string) string {
	if !c.enabled || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// Bold text.
func (c Colors) Bold(s string) string { return c.wrap("1", s) }

// Dim (faint) text.
func (c Colors) Dim(s string) string { return c.wrap("2", s) }

// Red text, for failures.
func (c Colors) Red(s string) string { return c.wrap("31", s) }

// Green text, for success.
func (c Colors) Green(s string) string { return c.wrap("32", s) }

// Yellow text, for warnings.
func (c Colors) Yellow(s string) string { return c.wrap("33", s) }
