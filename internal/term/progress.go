package term

import (
	"fmt"
	"io"
	"sync"
	"time"
	"unicode/utf8"
)

// progressWidth bounds the progress line so that it never wraps on an
// ordinary terminal; a wrapped line could not be erased.
const progressWidth = 79

// Progress draws one line on Err, "revision 3 of 12, 4.2s elapsed: …",
// redrawn as steps advance and once a second while a step runs. It draws
// only when Err is a terminal; otherwise every method does nothing. Output
// written through Writer erases the line first and redraws it after.
//
// A Progress is safe for concurrent use. Call Done when the run ends.
type Progress struct {
	mu     sync.Mutex
	w      io.Writer
	on     bool
	unit   string // what is counted: "revision", "target"
	total  int
	n      int
	label  string
	start  time.Time
	now    func() time.Time
	drawn  bool // the line is on screen
	mid    bool // output through Writer stopped mid-line: do not draw
	closed bool
	stop   chan struct{}
	wg     sync.WaitGroup
}

// NewProgress starts a progress line for a run of total revisions.
func (s *IOStreams) NewProgress(total int) *Progress {
	return newProgress(s.Err, s.ErrIsTTY, total, time.Now, time.Second)
}

// NewCountProgress starts a progress line counting total units ("target"
// for a fleet run: "target 3 of 200, 1.2s elapsed: …").
func (s *IOStreams) NewCountProgress(total int, unit string) *Progress {
	p := newProgress(s.Err, s.ErrIsTTY, total, time.Now, time.Second)
	p.mu.Lock()
	p.unit = unit
	p.mu.Unlock()
	return p
}

// newProgress takes its clock and redraw interval (0: no timed redraws).
func newProgress(w io.Writer, on bool, total int, now func() time.Time, every time.Duration) *Progress {
	p := &Progress{w: w, on: on, total: total, now: now, start: now()}
	if on && every > 0 {
		p.stop = make(chan struct{})
		p.wg.Add(1)
		go p.tick(every)
	}
	return p
}

func (p *Progress) tick(every time.Duration) {
	defer p.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.mu.Lock()
			if p.n > 0 && !p.closed {
				p.draw()
			}
			p.mu.Unlock()
		}
	}
}

// Step shows that revision n (1-based) of the run is starting; label
// names it (for example "1f3a9c2b7d4e add accounts").
func (p *Progress) Step(n int, label string) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.n, p.label = n, label
	p.draw()
}

// Clear erases the line until the next Step.
func (p *Progress) Clear() {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	p.n = 0
}

// Done erases the line and stops redrawing. It may be called more than once.
func (p *Progress) Done() {
	if !p.on {
		return
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	p.erase()
	p.mu.Unlock()
	if p.stop != nil {
		close(p.stop)
		p.wg.Wait()
	}
}

// Writer returns w wrapped so that each write first erases the progress
// line, and a write that ends a line redraws it below.
func (p *Progress) Writer(w io.Writer) io.Writer {
	if !p.on {
		return w
	}
	return progressWriter{p: p, w: w}
}

type progressWriter struct {
	p *Progress
	w io.Writer
}

func (pw progressWriter) Write(b []byte) (int, error) {
	p := pw.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	n, err := pw.w.Write(b)
	if len(b) > 0 {
		p.mid = b[len(b)-1] != '\n'
	}
	if p.n > 0 && !p.closed {
		p.draw()
	}
	return n, err
}

// line renders the progress text.
func (p *Progress) line() string {
	unit := p.unit
	if unit == "" {
		unit = "revision"
	}
	s := fmt.Sprintf("%s %d of %d, %s elapsed", unit, p.n, p.total, elapsed(p.now().Sub(p.start)))
	if p.label != "" {
		s += ": " + p.label
	}
	if utf8.RuneCountInString(s) > progressWidth {
		r := []rune(s)
		s = string(r[:progressWidth-1]) + "…"
	}
	return s
}

func (p *Progress) draw() {
	if p.mid {
		return // drawn once the output's line ends
	}
	fmt.Fprint(p.w, "\r\x1b[K"+p.line())
	p.drawn = true
}

func (p *Progress) erase() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// elapsed formats d as 4.2s under a minute, else 3m07s or 1h02m03s.
func elapsed(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	d = d.Truncate(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%dh%02dm%02ds", h, m, s)
	}
	return fmt.Sprintf("%dm%02ds", m, s)
}
