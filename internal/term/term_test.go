package term

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattn/go-isatty"
)

func TestColorAllowed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tty  bool
		env  map[string]string
		want bool
	}{
		{true, nil, true},
		{false, nil, false},
		{true, map[string]string{"TERM": "xterm-256color"}, true},
		{true, map[string]string{"NO_COLOR": "1"}, false},
		{true, map[string]string{"NO_COLOR": ""}, false},
		{true, map[string]string{"NO_COLOR": "0"}, false},
		{true, map[string]string{"TERM": "dumb"}, false},
		{false, map[string]string{"TERM": "xterm"}, false},
	}
	for _, tt := range tests {
		getenv := func(k string) (string, bool) {
			v, ok := tt.env[k]
			return v, ok
		}
		if got := ColorAllowed(tt.tty, getenv); got != tt.want {
			t.Errorf("ColorAllowed(tty=%v, env=%v) = %v, want %v", tt.tty, tt.env, got, tt.want)
		}
	}
}

func TestColors(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := Test()
	off := ios.Colors()
	for _, f := range []func(string) string{off.Bold, off.Dim, off.Red, off.Green, off.Yellow} {
		if got := f("text"); got != "text" {
			t.Errorf("colour off: %q, want plain text", got)
		}
	}
	ios.ColorEnabled = true
	on := ios.Colors()
	tests := []struct {
		f    func(string) string
		want string
	}{
		{on.Bold, "\x1b[1mtext\x1b[0m"},
		{on.Dim, "\x1b[2mtext\x1b[0m"},
		{on.Red, "\x1b[31mtext\x1b[0m"},
		{on.Green, "\x1b[32mtext\x1b[0m"},
		{on.Yellow, "\x1b[33mtext\x1b[0m"},
	}
	for _, tt := range tests {
		if got := tt.f("text"); got != tt.want {
			t.Errorf("colour on: %q, want %q", got, tt.want)
		}
	}
	if on.Red("") != "" || !on.Enabled() || off.Enabled() {
		t.Error("empty text gets escapes, or Enabled is wrong")
	}
}

func TestTestStreams(t *testing.T) {
	t.Parallel()
	ios, in, out, errb := Test()
	in.WriteString("yes\n")
	fmt.Fprint(ios.Out, "data")
	fmt.Fprint(ios.Err, "note")
	b := make([]byte, 4)
	if n, _ := ios.In.Read(b); string(b[:n]) != "yes\n" {
		t.Errorf("In reads %q", b[:n])
	}
	if out.String() != "data" || errb.String() != "note" {
		t.Errorf("Out = %q, Err = %q", out, errb)
	}
	if ios.IsTTY || ios.ErrIsTTY || ios.ColorEnabled {
		t.Errorf("test streams claim a terminal or colour: %+v", ios)
	}
}

func TestSystem(t *testing.T) {
	t.Parallel()
	ios := System()
	if ios.In != os.Stdin || ios.Out != os.Stdout || ios.Err != os.Stderr {
		t.Error("System does not use the process's streams")
	}
	if want := isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd()); ios.IsTTY != want {
		t.Errorf("IsTTY = %v, want %v", ios.IsTTY, want)
	}
	if !ios.IsTTY && ios.ColorEnabled {
		t.Error("colour on without a terminal")
	}
}

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func TestProgressOffWithoutTerminal(t *testing.T) {
	t.Parallel()
	ios, _, out, errb := Test()
	p := ios.NewProgress(3)
	p.Step(1, "a")
	w := p.Writer(ios.Out)
	fmt.Fprintln(w, "line")
	p.Clear()
	p.Done()
	if errb.Len() != 0 {
		t.Errorf("progress drawn on a non-terminal: %q", errb)
	}
	if out.String() != "line\n" {
		t.Errorf("Out = %q", out)
	}
}

func TestProgress(t *testing.T) {
	t.Parallel()
	var screen bytes.Buffer
	c := &clock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	p := newProgress(&screen, true, 12, c.now, 0)
	const erase = "\r\x1b[K"

	p.Step(1, "1f3a9c2b7d4e add accounts")
	c.add(4200 * time.Millisecond)
	p.Step(2, "8e2d4b6a1c0f add index")
	out := p.Writer(&screen)
	fmt.Fprint(out, "Running upgrade 1f3a -> 8e2d")
	fmt.Fprint(out, ", add index\n")
	c.add(3 * time.Minute)
	p.Step(3, strings.Repeat("x", 100))
	p.Clear()
	fmt.Fprint(out, "after clear\n")
	p.Step(4, "")
	p.Done()
	p.Done()
	p.Step(5, "after done")

	want := erase + "revision 1 of 12, 0.0s elapsed: 1f3a9c2b7d4e add accounts" +
		erase + "revision 2 of 12, 4.2s elapsed: 8e2d4b6a1c0f add index" +
		erase + "Running upgrade 1f3a -> 8e2d" + // erased before output…
		", add index\n" + // …not redrawn mid-line…
		erase + "revision 2 of 12, 4.2s elapsed: 8e2d4b6a1c0f add index" + // …redrawn after the newline
		erase + "revision 3 of 12, 3m04s elapsed: " + strings.Repeat("x", 45) + "…" +
		erase + // Clear
		"after clear\n" + // no redraw after Clear
		erase + "revision 4 of 12, 3m04s elapsed" +
		erase // Done
	if got := screen.String(); got != want {
		t.Errorf("screen:\n got %q\nwant %q", got, want)
	}
	for _, line := range strings.Split(screen.String(), erase) {
		if n := len([]rune(strings.TrimSuffix(line, "\n"))); n > progressWidth {
			t.Errorf("line of %d runes: %q", n, line)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the ticker's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgressRedrawsWhileAStepRuns(t *testing.T) {
	t.Parallel()
	var screen syncBuffer
	c := &clock{t: time.Now()}
	p := newProgress(&screen, true, 2, c.now, time.Millisecond)
	p.Step(1, "slow")
	c.add(90 * time.Second)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(screen.String(), "1m30s elapsed") {
		if time.Now().After(deadline) {
			t.Fatalf("no timed redraw; screen %q", screen.String())
		}
		time.Sleep(time.Millisecond)
	}
	p.Done()
	final := screen.String()
	time.Sleep(5 * time.Millisecond)
	if screen.String() != final || !strings.HasSuffix(final, "\r\x1b[K") {
		t.Errorf("drawing after Done: %q", screen.String())
	}
}

func TestElapsed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0.0s"}, {1234 * time.Millisecond, "1.2s"}, {59 * time.Second, "59.0s"},
		{time.Minute, "1m00s"}, {3*time.Minute + 7*time.Second + 900*time.Millisecond, "3m07s"},
		{time.Hour + 2*time.Minute + 3*time.Second, "1h02m03s"},
	}
	for _, tt := range tests {
		if got := elapsed(tt.d); got != tt.want {
			t.Errorf("elapsed(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// A step that starts while output stands mid-line waits for the line's end
// instead of erasing the partial output.
func TestProgressWaitsForLineEnd(t *testing.T) {
	t.Parallel()
	var screen bytes.Buffer
	c := &clock{t: time.Now()}
	p := newProgress(&screen, true, 2, c.now, 0)
	out := p.Writer(&screen)
	fmt.Fprint(out, "Generating x.sql ...")
	p.Step(1, "a")
	fmt.Fprint(out, "  done\n")
	p.Done()
	want := "Generating x.sql ...  done\n\r\x1b[Krevision 1 of 2, 0.0s elapsed: a\r\x1b[K"
	if got := screen.String(); got != want {
		t.Errorf("screen:\n got %q\nwant %q", got, want)
	}
}
