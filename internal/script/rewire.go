package script

import (
	"fmt"
	"slices"
	"strings"
)

// ReplaceParent returns data with parent old replaced by new in the
// header's "Revises:" line, every other byte unchanged (retort squash
// rewires the children of the stretch it folds). It fails when the file
// has no such line or does not revise old.
func ReplaceParent(path string, data []byte, old, new string) ([]byte, error) {
	start, end, _ := headerExtent(data)
	text := string(data[start:end])
	off := start
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimLeft(body, " \t")
		if strings.HasPrefix(trimmed, "--") {
			k, v, ok := field(strings.TrimSpace(trimmed[2:]))
			if ok && k == keyRevises {
				parents, err := list(k, v, true)
				if err != nil {
					return nil, &Error{Path: path, Msg: err.Error()}
				}
				i := slices.Index(parents, old)
				if i < 0 {
					return nil, fmt.Errorf("%s: its Revises: line does not name %s", path, old)
				}
				parents[i] = new
				colon := strings.IndexByte(body, ':')
				repl := body[:colon+1] + " " + strings.Join(parents, ", ")
				out := make([]byte, 0, len(data)+len(new))
				out = append(out, data[:off]...)
				out = append(out, repl...)
				out = append(out, data[off+len(body):]...)
				if _, err := ParseHeader(path, out); err != nil {
					return nil, err
				}
				return out, nil
			}
		}
		off += len(line)
	}
	return nil, fmt.Errorf("%s: no Revises: line in its header", path)
}
