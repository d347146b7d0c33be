// Package templates owns the scaffolding that `retort init` writes: a
// retort.toml explaining every key, a versions/ folder, and optionally a Go
// main.go that runs retort with the application's own settings.
//
// It must not import any other retort package.
package templates

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed all:files
var files embed.FS

// A file whose name ends in this suffix is written without it; it keeps Go
// sources in templates out of the module's own build.
const tmplSuffix = ".tmpl"

// Template is one kind of migrations folder `retort init` can create.
type Template struct {
	Name        string
	Description string // the first line of the template's README
}

// layers lists, per template, the folders under files/ copied in order.
var layers = map[string][]string{
	"generic": {"base", "generic"},
	"gomain":  {"base", "gomain"},
}

// Default is the template used when none is named.
const Default = "generic"

var (
	// ErrNotEmpty is matched by Init's error for an existing, non-empty directory.
	ErrNotEmpty = errors.New("directory already exists and is not empty")
	// ErrNoTemplate is matched by Init's error for an unknown template name.
	ErrNoTemplate = errors.New("no such template")
)

// NotEmptyError is Init's error for an existing, non-empty directory. Its
// text is Alembic's.
type NotEmptyError struct{ Dir string }

func (e *NotEmptyError) Error() string {
	return "Directory " + e.Dir + " already exists and is not empty"
}

// Is makes errors.Is(err, ErrNotEmpty) true.
func (e *NotEmptyError) Is(target error) bool { return target == ErrNotEmpty }

// NoTemplateError is Init's error for an unknown template name.
type NoTemplateError struct{ Name string }

func (e *NoTemplateError) Error() string {
	return "No such template '" + e.Name + "'; run `retort list_templates` to see the templates"
}

// Is makes errors.Is(err, ErrNoTemplate) true.
func (e *NoTemplateError) Is(target error) bool { return target == ErrNoTemplate }

// List returns the templates, sorted by name.
func List() []Template {
	out := make([]Template, 0, len(layers))
	for name, ls := range layers {
		out = append(out, Template{Name: name, Description: readmeLine(ls[len(ls)-1])})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func readmeLine(layer string) string {
	f, err := files.Open(path.Join("files", layer, "README"))
	if err != nil {
		return ""
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	if s.Scan() {
		return strings.TrimSpace(s.Text())
	}
	return ""
}

// Init creates dir from the named template and returns the absolute paths it
// created, directories first and in creation order. dir may exist if it is
// empty. Nothing is ever overwritten.
func Init(dir, name string) ([]string, error) {
	ls, ok := layers[name]
	if !ok {
		return nil, &NoTemplateError{Name: name}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("init %s: %w", dir, err)
	}
	var created []string
	switch fi, err := os.Stat(abs); {
	case err == nil && !fi.IsDir():
		return nil, fmt.Errorf("%s exists and is not a directory", dir)
	case err == nil:
		entries, err := os.ReadDir(abs)
		if err != nil {
			return nil, fmt.Errorf("init %s: %w", dir, err)
		}
		if len(entries) > 0 {
			return nil, &NotEmptyError{Dir: dir}
		}
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return nil, fmt.Errorf("create directory %s: %w", dir, err)
		}
		created = append(created, abs)
	default:
		return nil, fmt.Errorf("init %s: %w", dir, err)
	}

	// Collect the files of all layers; a later layer's file replaces an
	// earlier one of the same name.
	type source struct{ layer, rel string }
	var order []string
	srcs := map[string]source{}
	dirs := map[string]bool{"versions": true}
	for _, layer := range ls {
		root := path.Join("files", layer)
		err := fs.WalkDir(files, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			if rel == "" {
				return nil
			}
			if d.IsDir() {
				dirs[rel] = true
				return nil
			}
			out := strings.TrimSuffix(rel, tmplSuffix)
			if _, seen := srcs[out]; !seen {
				order = append(order, out)
			}
			srcs[out] = source{layer, p}
			return nil
		})
		if err != nil {
			return created, fmt.Errorf("read template %s: %w", name, err)
		}
	}
	dirList := make([]string, 0, len(dirs))
	for d := range dirs {
		dirList = append(dirList, d)
	}
	sort.Strings(dirList) // parents sort before their children
	for _, d := range dirList {
		p := filepath.Join(abs, filepath.FromSlash(d))
		if err := os.Mkdir(p, 0o755); err != nil {
			return created, fmt.Errorf("create directory %s: %w", p, err)
		}
		created = append(created, p)
	}
	sort.Strings(order)
	for _, rel := range order {
		p := filepath.Join(abs, filepath.FromSlash(rel))
		if err := copyFile(p, srcs[rel].rel); err != nil {
			return created, err
		}
		created = append(created, p)
	}
	return created, nil
}

func copyFile(dst, src string) (err error) {
	in, err := files.Open(src)
	if err != nil {
		return fmt.Errorf("read template file %s: %w", src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("create %s: %w", dst, err)
	}
	defer func() {
		if cerr := out.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write %s: %w", dst, cerr)
		}
	}()
	if _, err := io.Copy(out, in); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	return nil
}
