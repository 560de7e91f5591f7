#!/bin/sh
# Print the path of a Python 3.13 interpreter that runs (the harness env needs it: europriv-bench
# requires Python >= 3.13), or say what to install and exit 1.
# Order: $PY313 if set; python3.13 on PATH (a pyenv shim counts only if it really runs 3.13);
# the newest pyenv install ($PYENV_ROOT or ~/.pyenv, versions/3.13*/bin/python3.13).
is_313() { [ -n "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' >/dev/null 2>&1; }

if [ -n "${PY313:-}" ]; then
    if is_313 "$PY313"; then echo "$PY313"; exit 0; fi
    echo "PY313=$PY313 is not a working Python 3.13" >&2; exit 1
fi
on_path=$(command -v python3.13 2>/dev/null)
if is_313 "$on_path"; then
    # A pyenv shim resolves through pyenv's version selection: print the real binary instead.
    real=$("$on_path" -c 'import sys; print(sys.executable)' 2>/dev/null)
    echo "${real:-$on_path}"; exit 0
fi
root=${PYENV_ROOT:-$HOME/.pyenv}
for candidate in $(ls -d "$root"/versions/3.13*/bin/python3.13 2>/dev/null | sort -V -r); do
    if is_313 "$candidate"; then echo "$candidate"; exit 0; fi
done
echo "no Python 3.13 found (tried \$PY313, python3.13 on PATH, $root/versions/3.13*/bin/python3.13):" \
     "the harness env needs one; install it (e.g. 'pyenv install 3.13') or run make with PY313=/path/to/python3.13" >&2
exit 1
