package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
)

type revisionOptions struct {
	message      string
	head         string
	splice       bool
	branchLabels []string
	dependsOn    []string
	revID        string
	versionPath  string
	autogenerate bool
	allowEmpty   bool
	noCache      bool
}

func (a *app) revisionCommand() *cobra.Command {
	o := &revisionOptions{}
	cmd := &cobra.Command{
		Use:   "revision -m MESSAGE",
		Short: "Create a new revision file",
		Long: `Create a new revision file in the version location, revising the current
head (or --head), with empty upgrade and downgrade sections to fill in:

    Generating /abs/path/versions/1975ea83b712_create_account_table.sql ...  done

With several heads, name the one to build on (--head), or merge them first.
Building on a revision that is not a head starts a new branch and needs
--splice. --head base starts a new independent base. The file name follows
file_template in retort.toml (default "%(rev)s_%(slug)s").`,
		Example: `  retort revision -m "create account table"
  retort revision -m "add shopping cart" --head base --branch-label shoppingcart
  retort revision -m "fix" --head 1975ea83b712 --splice
  retort revision -m "needs accounts" --depends-on 1975ea83b712`,
		Args: noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			if err := checkRevIDFlag(cmd, o.revID); err != nil {
				return err
			}
			return a.revision(cmd.Context(), o)
		}),
	}
	f := cmd.Flags()
	f.StringVarP(&o.message, "message", "m", "", "the revision's message (also its file name's slug)")
	f.StringVar(&o.head, "head", "head", "revision(s) the new one revises: an id, label@head, heads, or base")
	f.BoolVar(&o.splice, "splice", false, "allow --head to name a revision that is not a head (starts a branch)")
	f.StringArrayVar(&o.branchLabels, "branch-label", nil, "branch label for the new revision (repeatable)")
	f.StringArrayVar(&o.dependsOn, "depends-on", nil, "revision or label the new one depends on (repeatable)")
	f.StringVar(&o.revID, "rev-id", "", "use this revision id instead of a generated one (at most 32 characters; no whitespace, '/', '\\', '..' or any of '@-+:')")
	f.StringVar(&o.versionPath, "version-path", "", "version location to write to (one of version_locations)")
	f.BoolVar(&o.autogenerate, "autogenerate", false, "fill the revision from the difference between the models and the database (which must be at its heads)")
	f.BoolVar(&o.allowEmpty, "allow-empty", false, "with --autogenerate, write a revision even when nothing differs")
	f.BoolVar(&o.noCache, "no-cache", false, "with --autogenerate, load the models into a scratch database even if unchanged since the last run")
	return cmd
}

func (a *app) revision(ctx context.Context, o *revisionOptions) error {
	if o.allowEmpty && !o.autogenerate {
		return usageErrorf("--allow-empty goes with --autogenerate")
	}
	// An empty --head would be read as base (a new root), an empty
	// --depends-on as nothing: both are refused like blank targets.
	if err := revision.CheckTarget(o.head); err != nil {
		return usageErrorf("--head: %w", err)
	}
	for _, d := range o.dependsOn {
		if err := revision.CheckTarget(d); err != nil {
			return usageErrorf("--depends-on: %w", err)
		}
	}
	n := newRevision{
		message:      o.message,
		heads:        []string{o.head},
		splice:       o.splice,
		labels:       o.branchLabels,
		dependsOn:    o.dependsOn,
		revID:        o.revID,
		versionPath:  o.versionPath,
		multipleHead: "Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.",
	}
	if o.autogenerate {
		return a.autogenerate(ctx, o, n)
	}
	_, err := a.createRevision(n)
	return err
}

// checkRevIDFlag refuses an empty --rev-id: given, it is not "generate one".
func checkRevIDFlag(cmd *cobra.Command, id string) error {
	if cmd.Flags().Changed("rev-id") && id == "" {
		return usageErrorf("--rev-id is empty; give an id, or leave the flag out to generate one")
	}
	return nil
}

// newRevision is what revision and merge ask for.
type newRevision struct {
	message      string
	heads        []string // symbols naming the parents
	splice       bool
	labels       []string
	dependsOn    []string
	revID        string
	versionPath  string
	multipleHead string // message when a symbol names several heads ("" = Alembic's default)
	upgrade      string // section bodies ("" = placeholders)
	downgrade    string
}

// createRevision writes a new revision file with Alembic's rules
// (ScriptDirectory.generate_revision) and returns its path. Nothing is
// written unless the graph with the new revision is valid.
func (a *app) createRevision(n newRevision) (string, error) {
	p, err := a.project()
	if err != nil {
		return "", err
	}
	cfg, g := p.cfg, p.graph

	id := n.revID
	if id == "" {
		id = script.NewID()
	}
	if err := revision.ValidateID(id); err != nil {
		return "", err
	}
	if r := g.Get(id); r != nil {
		where := r.Path
		if where == "" {
			where = "a Go revision"
		}
		return "", failf("Revision id %s is already used by %s; choose another --rev-id", id, where)
	}

	var parents []*revision.Revision
	for _, sym := range n.heads {
		revs, err := g.Resolve(sym)
		if err != nil {
			if errors.Is(err, revision.ErrMultipleHeads) && n.multipleHead != "" {
				return "", failf("%s", n.multipleHead)
			}
			return "", err
		}
		parents = append(parents, revs...)
	}
	seen := map[string]bool{}
	for _, r := range parents {
		if seen[r.ID] {
			return "", failf("Duplicate head revisions specified")
		}
		seen[r.ID] = true
	}

	dir, err := a.versionDir(cfg.ScriptLocation, cfg.VersionLocations, n.versionPath, parents)
	if err != nil {
		return "", err
	}
	if !n.splice {
		for _, r := range parents {
			if !g.IsHead(r.ID) {
				return "", failf("Revision %s is not a head revision; please specify --splice to create a new branch from this revision", r.ID)
			}
		}
	}
	deps, err := resolveDependsOn(g, n.dependsOn)
	if err != nil {
		return "", err
	}

	loc, err := cfg.Location()
	if err != nil {
		return "", fmt.Errorf("timezone %q: %w", cfg.Timezone, err)
	}
	now := time.Now().In(loc)
	name, err := script.FileName(cfg.FileTemplate, id, script.Slug(n.message, cfg.TruncateSlugLength), now)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, filepath.FromSlash(name))

	parentIDs := make([]string, len(parents))
	for i, r := range parents {
		parentIDs[i] = r.ID
	}
	message := n.message
	if message == "" {
		message = script.EmptyMessage
	}
	nf := script.NewFile{
		ID: id, Message: message, Parents: parentIDs, BranchLabels: n.labels,
		DependsOn: deps, CreateDate: now, Upgrade: n.upgrade, Downgrade: n.downgrade,
	}
	data := script.Render(nf)
	// Validate the graph with the new revision before writing anything:
	// a duplicate id or a label already in use is refused here.
	rev, err := script.ParseHeader(path, data)
	if err != nil {
		return "", err
	}
	if _, err := revision.New(append(g.Revisions(), rev)); err != nil {
		return "", err
	}

	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", fmt.Errorf("create directory for %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return "", failf("File %s already exists; choose another --rev-id or message", path)
		}
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	a.status("Generating %s ...  done", path)
	return path, nil
}

// versionDir picks the version location to write to: --version-path (which
// must be a configured location), else the only location, else the parent's.
func (a *app) versionDir(scriptLocation string, locations []string, versionPath string, parents []*revision.Revision) (string, error) {
	if versionPath == "" {
		if len(locations) == 1 {
			return locations[0], nil
		}
		for _, r := range parents {
			if r.Path != "" {
				p := r.Path
				if !filepath.IsAbs(p) { // read through Options.FS
					p = filepath.Join(scriptLocation, filepath.FromSlash(p))
				}
				versionPath = filepath.Dir(p)
				break
			}
		}
		if versionPath == "" {
			return "", failf("Multiple version locations present, please specify --version-path")
		}
	}
	abs, err := filepath.Abs(versionPath)
	if err != nil {
		return "", err
	}
	for _, loc := range locations {
		if filepath.Clean(loc) == filepath.Clean(abs) {
			return loc, nil
		}
	}
	return "", failf("Path %s is not represented in current version locations", versionPath)
}

// resolveDependsOn expands --depends-on values to full ids, keeping branch
// labels as typed (Alembic's rule).
func resolveDependsOn(g *revision.Graph, deps []string) ([]string, error) {
	var out, resolved []string
	for _, d := range deps {
		revs, err := g.Resolve(d)
		if err != nil {
			return nil, err
		}
		if len(revs) != 1 {
			return nil, failf("Can't locate revision identified by '%s'", d)
		}
		r := revs[0]
		if slices.Contains(resolved, r.ID) {
			return nil, failf("--depends-on %s names revision %s a second time; give each dependency once", d, r.ID)
		}
		resolved = append(resolved, r.ID)
		if slices.Contains(r.BranchLabels, d) || slices.Contains(g.Labels(r.ID), d) {
			out = append(out, d)
		} else {
			out = append(out, r.ID)
		}
	}
	return out, nil
}
