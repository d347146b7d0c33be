package script

import (
	"io/fs"

	"github.com/retortdb/retort/internal/revision"
)

// Source is where revision files are read from: directories of an fs.FS,
// or directories of the operating system (fewer system calls for thousands
// of files; Revision.Path is then the file's absolute path).
type Source struct {
	FS        fs.FS    // with Locations, slash-separated paths inside FS
	Locations []string // directories in FS
	Dirs      []string // OS directories; read instead of FS when set
	Recursive bool
	// HeaderCache is a directory for the cache of parsed headers kept
	// between loads of Dirs ("" = none; LoadOSCached).
	HeaderCache string
}

// LoadError is a failure to read the revision files (as against a graph
// that does not hold together).
type LoadError struct{ Err error }

func (e *LoadError) Error() string { return e.Err.Error() }
func (e *LoadError) Unwrap() error { return e.Err }

// LoadGraph reads the headers of src's revision files and builds the
// validated graph of them and extra (Go revisions). It is the one way the
// library and the CLI load a graph. With neither FS nor Dirs the set is nil
// and the graph holds extra alone.
func LoadGraph(src Source, extra []*revision.Revision) (*Set, *revision.Graph, error) {
	var set *Set
	var err error
	switch {
	case len(src.Dirs) > 0:
		set, err = LoadOSCached(src.Dirs, src.Recursive, src.HeaderCache)
	case src.FS != nil:
		set, err = Load(src.FS, src.Locations, src.Recursive)
	}
	if err != nil {
		return nil, nil, &LoadError{err}
	}
	var revs []*revision.Revision
	if set != nil {
		revs = set.Revisions()
	}
	g, err := revision.New(append(revs, extra...))
	if err != nil {
		return nil, nil, err
	}
	return set, g, nil
}
