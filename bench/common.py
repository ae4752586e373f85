"""Shared by the benchmarks: a synthetic database of N participants (cached), and measuring in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "ccm-bench"


def synthetic_database(participants: int, seed: int = 1) -> Path:
    """A SQLite file holding one synthetic meeting of `participants` participants (made once, then reused)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"synth-{participants}-{seed}.sqlite3"
    if not path.exists():
        sys.path.insert(0, str(ROOT))
        from ccm_secretariat.samples.synth import synthesise
        from ccm_secretariat.services import open_services

        started = time.perf_counter()
        services = open_services(path)
        for _ in synthesise(services, participants, seed):
            pass
        services.close()
        print(f"  (made {path.name} in {time.perf_counter() - started:.1f} s)")
    return path


def measure(code: str) -> dict:
    """Run `code` in a fresh interpreter; it must print one JSON object. Adds the peak memory in MB and the
    whole process's CPU seconds (steadier than wall time on a machine shared with other work)."""
    wrapper = (
        "import json, resource, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        f"{code}\n"
        "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
        "result['peak_mb'] = usage.ru_maxrss / 1024\n"
        "result['cpu_s'] = usage.ru_utime + usage.ru_stime\n"
        "print(json.dumps(result))\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def database_from_arguments(doc: str, participants: int = 100_000) -> Path:
    """The benchmark's command line (--participants N, default `participants`) and its synthetic database."""
    import argparse

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--participants", type=int, default=participants)
    return synthetic_database(parser.parse_args().participants)


class throwaway_postgres:
    """A PostgreSQL cluster for a benchmark, as the tests make one (scripts/pg_cluster.sh): yields the URL of
    its maintenance database; stopped and removed afterwards."""

    def __enter__(self) -> str:
        script = ROOT / "scripts" / "pg_cluster.sh"
        out = subprocess.run(
            [
                "bash",
                "-c",
                f'source {script} start >/dev/null && echo "$CCM_TEST_POSTGRES" '
                '&& echo "$PG_CLUSTER_DIR $PG_CLUSTER_BIN $PG_CLUSTER_USER"',
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
        self.url, self.state = out[0], out[1]
        return self.url

    def __exit__(self, *_exc) -> None:
        folder, binaries, user = self.state.split(" ")
        script = ROOT / "scripts" / "pg_cluster.sh"
        subprocess.run(
            [
                "bash",
                "-c",
                f"source {script}; PG_CLUSTER_DIR={folder} PG_CLUSTER_BIN={binaries} "
                f"PG_CLUSTER_USER={user} pg_cluster_stop",
            ],
            check=False,
        )
