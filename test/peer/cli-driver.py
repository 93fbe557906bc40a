# The AWS CLI v2, kept alive: run by the CLI's own interpreter (/usr/bin/python3 for Debian's awscli), it
# imports the CLI once and then answers one JSON line per command read on stdin:
#   in:  {"id": "…", "argv": ["ec2", "describe-vpcs", "--endpoint-url", "http://…"], "env": {…}}  (env: optional, for this command only)
#   out: {"id": "…", "rc": 0, "stdout": "…", "stderr": "…"}
# Each command gets a new driver (create_clidriver(), as the `aws` entry point does), so no command's
# customizations or parsed arguments leak into the next one; only the imported modules and the parsed
# service models (botocore's loader, shared below) are reused. That is what makes it ~10x faster than a
# process per command. rc is the CLI's own: 0 success, 252 a command that does not parse, 254 an error
# the service answered, 255 anything else.
import contextlib
import io
import json
import os
import sys
import traceback

import awscli  # noqa: F401  (puts the CLI's own botocore first on sys.path)
import botocore.session
from awscli.clidriver import create_clidriver

_shared_loader = None
_original_session_init = botocore.session.Session.__init__


def _session_with_shared_loader(self, *args, **kwargs):
    _original_session_init(self, *args, **kwargs)
    # The loader only reads the CLI's bundled model files: sharing it shares parsed JSON, nothing else.
    if _shared_loader is not None:
        self.register_component('data_loader', _shared_loader)


botocore.session.Session.__init__ = _session_with_shared_loader


def run(argv):
    out = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', write_through=True)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    global _shared_loader
    try:
        driver = create_clidriver(argv)
        rc = driver.main(argv)
        if _shared_loader is None:
            _shared_loader = driver.session.get_component('data_loader')
    except SystemExit as stop:
        rc = stop.code if isinstance(stop.code, int) else 255
    except BaseException:  # the driver survives whatever one command does
        err.write(traceback.format_exc())
        rc = 255
    finally:
        sys.stdout, sys.stderr = saved
    return rc, out.buffer.getvalue().decode('utf-8', 'replace'), err.buffer.getvalue().decode('utf-8', 'replace')


@contextlib.contextmanager
def environment(extra):
    """The variables set for one command (another account's access key), then put back."""
    saved = {name: os.environ.get(name) for name in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def main():
    channel = os.fdopen(os.dup(1), 'w', encoding='utf-8')
    # Nothing the CLI prints may reach the channel: fd 1 now points at stderr.
    os.dup2(2, 1)
    channel.write(json.dumps({'ready': True}) + '\n')
    channel.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        with environment(request.get('env') or {}):
            rc, stdout, stderr = run(list(request['argv']))
        channel.write(json.dumps({'id': request['id'], 'rc': rc, 'stdout': stdout, 'stderr': stderr}) + '\n')
        channel.flush()


if __name__ == '__main__':
    main()
