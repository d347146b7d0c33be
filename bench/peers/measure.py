#!/usr/bin/env python3
"""Interleaved whole-process timings of retort, the databases' own clients,
goose, golang-migrate and Alembic on the same generated histories.

Run through bench/peers/run.sh, which installs the peers, builds retort,
generates the histories and sets the environment this script reads. It
writes the markdown tables docs/performance.md shows to $PEERS_OUT/results.md
and every sample to $PEERS_OUT/samples.json.

Each round runs every command once, in an order that rotates from round to
round; every apply runs on a database created for it (not timed) and
dropped after it (not timed). A ratio's median and range are over the
per-round ratios to the round's floor command.
"""
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BIN = os.environ["PEERS_BIN"]
HIST = os.environ["PEERS_HIST"]
OUT = os.environ["PEERS_OUT"]
QUICK = os.environ.get("PEERS_QUICK") == "1"
DIALECTS = os.environ.get("PEERS_DIALECTS", "sqlite,postgres,mysql").split(",")
SECTIONS = os.environ.get("PEERS_SECTIONS", "noop,scaling,apply,check").split(",")
PY = os.environ.get("PEERS_PYTHON", "/usr/bin/python3")
HAVE_ALEMBIC = os.environ.get("PEERS_ALEMBIC") == "1"
PG = dict(host=os.environ.get("PGHOST", "127.0.0.1"), port=os.environ.get("PGPORT", "5432"), user=os.environ.get("PGUSER", "postgres"))
MY = dict(host=os.environ.get("MYHOST", "127.0.0.1"), port=os.environ.get("MYPORT", "3306"), user=os.environ.get("MYUSER", "root"))

APPLY_N = int(os.environ.get("PEERS_APPLY_N", "200" if QUICK else "1000"))
APPLY_ROUNDS = int(os.environ.get("PEERS_APPLY_ROUNDS", "1" if QUICK else "3"))
NOOP_NS = [int(x) for x in os.environ.get("PEERS_NOOP_N", "5000" if QUICK else "5000,10000").split(",")]
NOOP_ROUNDS = int(os.environ.get("PEERS_NOOP_ROUNDS", "3" if QUICK else "5"))
SCALE_NS = [int(x) for x in os.environ.get("PEERS_SCALE_N", "1000,5000" if QUICK else "1000,5000,20000").split(",")]
# MariaDB commits (and flushes its log) once per statement or more, so its
# scaling runs stop at 5,000 unless asked.
SCALE_NS_MYSQL = [int(x) for x in os.environ.get("PEERS_SCALE_N_MYSQL", "1000,5000").split(",") if int(x) in SCALE_NS] or SCALE_NS[:1]
SCALE_ROUNDS = int(os.environ.get("PEERS_SCALE_ROUNDS", "1"))
# Alembic's `current` grows faster than linearly with the history (tens of
# seconds at 5,000 revisions), so its no-op rows stop here unless asked.
NOOP_ALEMBIC_MAX = int(os.environ.get("PEERS_NOOP_ALEMBIC_MAX", "5000"))
# Cold `check`: bench/autogen/floor.sh at these table counts (MariaDB's DDL
# and its scratch database's drop make 5,000 tables take many minutes).
CHECK_T = os.environ.get("PEERS_CHECK_T", "100,1000" if QUICK else "100,1000,5000").split(",")
CHECK_T_MYSQL = os.environ.get("PEERS_CHECK_T_MYSQL", "100,1000").split(",")
CHECK_ROUNDS = int(os.environ.get("PEERS_CHECK_ROUNDS", "1" if QUICK else "3"))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

TMP = tempfile.mkdtemp(prefix="retort-peers-")
samples = {}
md = []


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def sh(cmd, stdin=None, check=True):
    """Runs an untimed setup command."""
    inp = open(stdin) if stdin else subprocess.DEVNULL
    p = subprocess.run(cmd, stdin=inp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if stdin:
        inp.close()
    if check and p.returncode != 0:
        raise SystemExit(f"setup failed: {' '.join(cmd)}\n{p.stdout[-2000:]}")
    return p.stdout


def timed(cmd, stdin=None, env=None):
    """Wall seconds, CPU seconds (user+sys) and peak RSS (KB) of one run."""
    errf = tempfile.TemporaryFile()
    inp = open(stdin) if stdin else subprocess.DEVNULL
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=inp, stdout=subprocess.DEVNULL, stderr=errf, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if stdin:
        inp.close()
    if p.returncode != 0:
        errf.seek(0)
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}\n{errf.read().decode(errors='replace')[-3000:]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


# --- databases -------------------------------------------------------------

class DB:
    """One fresh database of a dialect and every tool's way to reach it."""

    counter = 0

    def __init__(self, dialect, name=None):
        DB.counter += 1
        self.dialect = dialect
        self.name = name or f"peers_{os.getpid()}_{DB.counter}"
        if dialect == "sqlite":
            self.path = os.path.join(TMP, self.name + ".db")
        elif dialect == "postgres":
            self.psql(["-c", f"CREATE DATABASE {self.name}"], db="postgres")
        else:
            self.mariadb(["-e", f"CREATE DATABASE {self.name}"], db="")

    def psql(self, args, db=None, stdin=None):
        return sh(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"],
                   "-d", db if db is not None else self.name] + args, stdin)

    def mariadb(self, args, db=None, stdin=None):
        return sh(["mariadb", "-h", MY["host"], "-P", MY["port"], "-u", MY["user"]] + ([db] if db else [] if db == "" else [self.name]) + args, stdin)

    def drop(self):
        if self.dialect == "sqlite":
            for suf in ("", "-journal", "-wal", "-shm"):
                try:
                    os.remove(self.path + suf)
                except FileNotFoundError:
                    pass
        elif self.dialect == "postgres":
            self.psql(["-c", f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)"], db="postgres")
        else:
            self.mariadb(["-e", f"DROP DATABASE IF EXISTS {self.name}"], db="")

    def url(self, tool):
        d, n = self.dialect, self.name
        if d == "sqlite":
            return {"retort": "sqlite:///" + self.path, "goose": self.path, "migrate": "sqlite://" + self.path,
                    "alembic": "sqlite:///" + self.path}[tool]
        if d == "postgres":
            base = f"{PG['user']}@{PG['host']}:{PG['port']}/{n}"
            return {"retort": f"postgresql://{base}?sslmode=disable", "goose": f"postgres://{base}?sslmode=disable",
                    "migrate": f"postgres://{base}?sslmode=disable", "alembic": f"postgresql+psycopg2://{base}"}[tool]
        hp = f"{MY['host']}:{MY['port']}"
        return {"retort": f"mysql://{MY['user']}@{hp}/{n}", "goose": f"{MY['user']}@tcp({hp})/{n}?parseTime=true",
                "migrate": f"mysql://{MY['user']}@tcp({hp})/{n}?multiStatements=true",
                "alembic": f"mysql+pymysql://{MY['user']}@{hp}/{n}"}[tool]

    def client(self, script):
        """The database's own client running script (argv, stdin)."""
        if self.dialect == "sqlite":
            return ["sqlite3", "-bail", self.path], script
        if self.dialect == "postgres":
            return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"],
                    "-d", self.name, "-1", "-f", script], None
        return ["mariadb", "-h", MY["host"], "-P", MY["port"], "-u", MY["user"], self.name], script

    def select1(self):
        if self.dialect == "sqlite":
            return ["sqlite3", self.path, "select 1"], None
        if self.dialect == "postgres":
            return ["psql", "-X", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-d", self.name, "-c", "select 1"], None
        return ["mariadb", "-h", MY["host"], "-P", MY["port"], "-u", MY["user"], self.name, "-e", "select 1"], None


GOOSE_DRIVER = {"sqlite": "sqlite3", "postgres": "postgres", "mysql": "mysql"}


def tool_cmd(tool, hist, db, verb="up", toml="retort.toml"):
    """argv, stdin of tool running verb on history hist against db."""
    if tool == "client":
        return db.client(os.path.join(hist, "client", "tx.sql" if db.dialect == "sqlite" else "plain.sql"))
    if tool == "client-pertx":
        return db.client(os.path.join(hist, "client", "pertx.sql"))
    if tool == "select1":
        return db.select1()
    if tool.startswith("retort"):
        return [os.path.join(BIN, "retort"), "-c", os.path.join(hist, "retort", toml), "--url", db.url("retort")] + verb.split(), None
    if tool == "goose":
        return [os.path.join(BIN, "goose"), "-dir", os.path.join(hist, "goose"), GOOSE_DRIVER[db.dialect], db.url("goose")] + verb.split(), None
    if tool == "migrate":
        return [os.path.join(BIN, "migrate"), "-path", os.path.join(hist, "migrate"), "-database", db.url("migrate")] + verb.split(), None
    if tool == "alembic":
        return [PY, "-m", "alembic", "-c", os.path.join(hist, "alembic", "alembic.ini"), "-x", "url=" + db.url("alembic")] + verb.split(), None
    raise ValueError(tool)


# --- statistics and tables ------------------------------------------------

def med(xs):
    return statistics.median(xs)


def fmt_s(xs):
    return f"{med(xs):.3f} ({min(xs):.3f}–{max(xs):.3f})"


def fmt_r(rs):
    return f"**{med(rs):.2f}×** ({min(rs):.2f}–{max(rs):.2f})"


def interleave(labels, rounds, one):
    """Runs one(label) for each label in each round, rotating the order;
    returns {label: [(wall, cpu, rss), ...]} in round order."""
    res = {l: [] for l in labels}
    for r in range(rounds):
        k = r % len(labels)
        for l in labels[k:] + labels[:k]:
            res[l].append(one(l))
    return res


def ratios(res, label, floor):
    return [a[0] / b[0] for a, b in zip(res[label], res[floor])]


# --- workloads ------------------------------------------------------------

def apply_section():
    hist = os.path.join(HIST, f"ddl{APPLY_N}")
    md.append(f"\n### Apply {APPLY_N:,} revisions from empty\n")
    md.append(f"Each revision: `CREATE TABLE` (3 columns, primary key) and `CREATE INDEX`. "
              f"{APPLY_ROUNDS} interleaved rounds, a fresh database per run; wall seconds, median (min–max); "
              f"ratio to the client in the same round, median (min–max); peak RSS of the tool's process.\n")
    for d in DIALECTS:
        tools = ["client", "retort", "goose", "migrate"] + (["alembic"] if HAVE_ALEMBIC else [])
        if d == "sqlite":
            tools += ["client-pertx", "retort-pertx"]
        la = loadavg()
        log(f"apply {APPLY_N} on {d}: {tools}")

        def one(tool):
            db = DB(d)
            try:
                verb = {"goose": "up", "migrate": "up", "alembic": "upgrade head"}.get(tool, "upgrade head")
                toml = "retort-pertx.toml" if tool == "retort-pertx" else "retort.toml"
                argv, stdin = tool_cmd(tool, hist, db, verb, toml)
                return timed(argv, stdin)
            finally:
                db.drop()

        res = interleave(tools, APPLY_ROUNDS, one)
        samples[f"apply/{d}"] = res
        md.append(f"\n**{d}** (load average before {la}, after {loadavg()})\n")
        md.append("| command | wall s | ratio to client | peak RSS MB |")
        md.append("|---|---|---|---|")
        for t in tools:
            floor = "client-pertx" if t.endswith("pertx") else "client"
            md.append(f"| {describe(t, d)} | {fmt_s([x[0] for x in res[t]])} | "
                      f"{fmt_r(ratios(res, t, floor))}{' vs per-revision client' if floor != 'client' else ''} | "
                      f"{med([x[2] for x in res[t]]) / 1024:.0f} |")
        flush()


def describe(tool, d):
    client = {"sqlite": "`sqlite3` (one transaction)", "postgres": "`psql -1 -f`", "mysql": "`mariadb < file`"}[d]
    return {
        "client": client,
        "client-pertx": "`sqlite3`, one transaction per revision",
        "retort": "retort `upgrade head`",
        "retort-pertx": "retort, `transaction_per_migration = true`",
        "goose": "goose `up`",
        "migrate": "golang-migrate `up`",
        "alembic": "Alembic `upgrade head`",
    }[tool]


def goose_stamp(db, n):
    """goose's table at version n without running anything (PostgreSQL)."""
    argv, _ = tool_cmd("goose", "", db, "version")
    sh(argv)  # creates goose_db_version with its version-0 row
    db.psql(["-c", f"INSERT INTO goose_db_version (version_id, is_applied) SELECT g, true FROM generate_series(1, {n}) g"])


def noop_section():
    md.append("\n### No-op commands on a long history\n")
    md.append("The database is at head of an N-revision history (each revision `SELECT 1`); every command "
              f"has nothing to do. {NOOP_ROUNDS} interleaved rounds; wall seconds, median (min–max); ratio to the "
              "client's bare `select 1` in the same round.\n")
    for d in DIALECTS:
        for n in NOOP_NS:
            hist = os.path.join(HIST, f"select{n}")
            dbs = {}
            log(f"noop {n} on {d}: setup")
            dbs["retort"] = DB(d)
            sh(tool_cmd("retort", hist, dbs["retort"], "stamp head")[0])
            cmds = {"select1": ("select1", "retort", "")}
            for v in ["upgrade head", "current", "heads", "history"]:
                cmds["retort " + v] = ("retort", "retort", v)
            if d == "postgres":
                dbs["goose"] = DB(d)
                goose_stamp(dbs["goose"], n)
                dbs["migrate"] = DB(d)
                sh(tool_cmd("migrate", hist, dbs["migrate"], f"force {n}")[0])
                cmds["goose up"] = ("goose", "goose", "up")
                cmds["goose version"] = ("goose", "goose", "version")
                cmds["migrate up"] = ("migrate", "migrate", "up")
                cmds["migrate version"] = ("migrate", "migrate", "version")
                if HAVE_ALEMBIC and n <= NOOP_ALEMBIC_MAX:
                    dbs["alembic"] = DB(d)
                    sh(tool_cmd("alembic", hist, dbs["alembic"], "stamp head")[0])
                    for v in ["upgrade head", "current", "heads", "history"]:
                        cmds["alembic " + v] = ("alembic", "alembic", v)
            la = loadavg()
            log(f"noop {n} on {d}: {list(cmds)}")

            def one(label):
                tool, dbk, verb = cmds[label]
                argv, stdin = tool_cmd(tool, hist, dbs[dbk], verb)
                return timed(argv, stdin)

            try:
                res = interleave(list(cmds), NOOP_ROUNDS, one)
            finally:
                for db in dbs.values():
                    db.drop()
            samples[f"noop/{d}/{n}"] = res
            note = " (Alembic left out above PEERS_NOOP_ALEMBIC_MAX)" if d == "postgres" and HAVE_ALEMBIC and n > NOOP_ALEMBIC_MAX else ""
            md.append(f"\n**{d}, {n:,} revisions**{note} (load average before {la}, after {loadavg()})\n")
            md.append("| command | wall s | ratio to `select 1` | peak RSS MB |")
            md.append("|---|---|---|---|")
            for label in cmds:
                name = {"select1": {"sqlite": "`sqlite3 db 'select 1'`", "postgres": "`psql -c 'select 1'`",
                                    "mysql": "`mariadb -e 'select 1'`"}[d]}.get(label, f"{label.split()[0]} `{' '.join(label.split()[1:])}`")
                md.append(f"| {name} | {fmt_s([x[0] for x in res[label]])} | {fmt_r(ratios(res, label, 'select1'))} | "
                          f"{med([x[2] for x in res[label]]) / 1024:.0f} |")
            flush()


def scaling_section():
    md.append("\n### Scaling with the number of revisions\n")
    md.append("`upgrade head` from empty against the client running the same statements (PostgreSQL `psql -1 -f`, "
              "SQLite `sqlite3` in one transaction, MariaDB `mariadb < file`). Revision 0 creates one table, every "
              "later revision inserts one row, so the schema stays small and what grows with N is each tool's own "
              f"work. {SCALE_ROUNDS} interleaved round(s); wall seconds (median), µs per revision, peak RSS.\n")
    md.append("| dialect | N | client s | retort s | ratio | client µs/rev | retort µs/rev | retort peak RSS MB | retort CPU s |")
    md.append("|---|---|---|---|---|---|---|---|---|")
    for d in DIALECTS:
        for n in (SCALE_NS_MYSQL if d == "mysql" else SCALE_NS):
            hist = os.path.join(HIST, f"row{n}")
            la = loadavg()
            log(f"scaling {n} on {d} (load {la})")

            def one(tool):
                db = DB(d)
                try:
                    argv, stdin = tool_cmd(tool, hist, db, "upgrade head")
                    return timed(argv, stdin)
                finally:
                    db.drop()

            res = interleave(["client", "retort"], SCALE_ROUNDS, one)
            samples[f"scaling/{d}/{n}"] = res
            c, r = med([x[0] for x in res["client"]]), med([x[0] for x in res["retort"]])
            md.append(f"| {d} | {n:,} | {c:.3f} | {r:.3f} | {med(ratios(res, 'retort', 'client')):.2f}× | "
                      f"{c / n * 1e6:.0f} | {r / n * 1e6:.0f} | {med([x[2] for x in res['retort']]) / 1024:.0f} | "
                      f"{med([x[1] for x in res['retort']]):.3f} |")
            flush()


def check_section():
    md.append("\n### Cold `check` against the floor\n")
    md.append("`bench/autogen/floor.sh`: `retort check --no-cache` (whole process) on a live database built from "
              "bench/autogen's schema of T tables, against the floor (the database's client running the same "
              "`schema.sql` in a fresh database and dumping it) and the dump alone; on PostgreSQL also Python "
              f"Alembic's comparison of the same tables (`alembic_check.py --full`). {CHECK_ROUNDS} interleaved "
              "round(s), medians; seconds, retort's CPU (user+sys) and peak RSS.\n")
    for d in DIALECTS:
        sizes = [t for t in (CHECK_T_MYSQL if d == "mysql" else CHECK_T) if t]
        la = loadavg()
        log(f"check {sizes} on {d}")
        argv = ["bash", os.path.join(ROOT, "bench/autogen/floor.sh"), "-n", str(CHECK_ROUNDS), "-t", " ".join(sizes), "-d", d]
        if HAVE_ALEMBIC and d == "postgres":
            argv.append("-alembic")
        out = subprocess.run(argv, stdout=subprocess.PIPE, text=True, check=True).stdout
        md.append(f"\n**{d}** (load average before {la}, after {loadavg()})\n")
        md.append("```\n" + out.rstrip() + "\n```")
        flush()
        # What the models' cache saves: cold, warm, one table changed.
        la = loadavg()
        argv = ["bash", os.path.join(ROOT, "bench/autogen/incremental.sh"), "-n", str(CHECK_ROUNDS), "-t", " ".join(sizes), "-d", d]
        out = subprocess.run(argv, stdout=subprocess.PIPE, text=True, check=True).stdout
        md.append(f"\n**{d}, with the models' cache** (`bench/autogen/incremental.sh`; load average before {la}, after {loadavg()})\n")
        md.append("```\n" + out.rstrip() + "\n```")
        flush()


HEAD = []


def flush():
    """Writes what is measured so far: a long run stopped early keeps its tables."""
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write("\n".join(HEAD + md) + "\n")
    with open(os.path.join(OUT, "samples.json"), "w") as f:
        json.dump(samples, f, indent=1)


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        mem = f"{int(f.readline().split()[1]) // 1024} MB"

    def ver(argv):
        try:
            return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout.strip().splitlines()[0]
        except Exception as e:  # a missing tool
            return f"unavailable ({e})"

    rows = [
        ("CPU", f"{cpu}, {os.cpu_count()} logical CPUs"), ("memory", mem), ("kernel", platform.release()),
        ("PostgreSQL", ver(["psql", "-X", "-tA", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-d", "postgres", "-c", "select version()"])),
        ("MariaDB", ver(["mariadb", "-h", MY["host"], "-P", MY["port"], "-u", MY["user"], "-N", "-e", "select version()"])),
        ("sqlite3", ver(["sqlite3", "--version"])), ("psql", ver(["psql", "--version"])), ("mariadb client", ver(["mariadb", "--version"])),
        ("retort", ver([os.path.join(BIN, "retort"), "--version"])), ("goose", ver([os.path.join(BIN, "goose"), "--version"])),
        ("golang-migrate", ver([os.path.join(BIN, "migrate"), "-version"])),
        ("Alembic", ver([PY, "-c", "import alembic, sqlalchemy; print('alembic', alembic.__version__, 'sqlalchemy', sqlalchemy.__version__)"]) if HAVE_ALEMBIC else "not installed"),
        ("Go", ver(["go", "version"])),
    ]
    out = ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    return "\n".join(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    start_la = loadavg()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    t0 = time.time()
    HEAD[:] = [f"Run {started}{' (--quick)' if QUICK else ''}; load average at start {start_la}.\n", machine(), ""]
    try:
        # The order of PEERS_SECTIONS; the default runs the long applies last.
        for name in SECTIONS:
            section = {"apply": apply_section, "noop": noop_section, "scaling": scaling_section, "check": check_section}[name]
            section()
            flush()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    HEAD[0] = (f"Run {started}{' (--quick)' if QUICK else ''}, {time.time() - t0:.0f} s; load average at start {start_la}, "
               f"at end {loadavg()}.\n")
    flush()
    print("\n".join(HEAD + md))


if __name__ == "__main__":
    main()
