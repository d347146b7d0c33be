"""Drive Alembic's commands over generated script directories.

Reads a JSON list of jobs from stdin: {"dir": path, "ops": [op...]} where an
op is {"cmd": name, "rev": str, "resolve": bool, "range": str}. Writes a JSON
list (one entry per job) of lists of {"out": captured stdout/SQL, "err":
error text or null}. Used by the revision package's differential test.
"""
import io
import json
import sys

from alembic import command
from alembic.config import Config
from alembic.script.base import Script

# Alembic >= 1.10 loads revision files sorted by name; older releases (such
# as Debian's 1.8.1) use directory order. Sort, to compare with the
# documented behaviour.
_list_py_dir = Script._list_py_dir.__func__
Script._list_py_dir = classmethod(
    lambda cls, scriptdir, path: sorted(_list_py_dir(cls, scriptdir, path))
)

# Alembic 1.13 (issue #1373) stopped re-inserting a parent that another
# parent already implies when a merge is downgraded; backport that fix so
# Debian's 1.8.1 behaves like the documented release.
from alembic.runtime import migration  # noqa: E402


def _unmerge_to_revisions(self, heads):
    rmap = self.revision_map
    other_heads = set(heads).difference([self.revision.revision])
    if other_heads:
        ancestors = {
            r.revision
            for r in rmap._get_ancestor_nodes(
                rmap.get_revisions(other_heads), check=False
            )
        }
        return tuple(set(self.to_revisions).difference(ancestors))
    ancestors = {
        r.revision
        for to_revision in self.to_revisions
        for r in rmap._get_ancestor_nodes(
            rmap.get_revisions(to_revision), check=False
        )
        if r.revision != to_revision
    }
    return tuple(set(self.to_revisions).difference(ancestors))


migration.RevisionStep._unmerge_to_revisions = _unmerge_to_revisions


def run(dir_, op):
    buf = io.StringIO()
    cfg = Config(stdout=buf, output_buffer=buf)
    cfg.set_main_option("script_location", dir_)
    cfg.set_main_option("sqlalchemy.url", "sqlite://")
    cmd = op["cmd"]
    try:
        if cmd == "heads":
            command.heads(cfg, resolve_dependencies=op.get("resolve", False))
        elif cmd == "history":
            command.history(cfg, rev_range=op.get("range"))
        elif cmd == "branches":
            command.branches(cfg)
        elif cmd == "upgrade":
            command.upgrade(cfg, op["rev"], sql=True)
        elif cmd == "downgrade":
            command.downgrade(cfg, op["rev"], sql=True)
        elif cmd == "stamp":
            command.stamp(cfg, op["rev"].split(), sql=True)
        else:
            raise ValueError(cmd)
    except Exception as e:  # noqa: BLE001 - every failure is data here
        return {"out": buf.getvalue(), "err": "%s: %s" % (type(e).__name__, e)}
    return {"out": buf.getvalue(), "err": None}


def main():
    jobs = json.load(sys.stdin)
    out = [[run(job["dir"], op) for op in job["ops"]] for job in jobs]
    json.dump(out, sys.stdout)


main()
