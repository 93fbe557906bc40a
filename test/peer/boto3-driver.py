# boto3 snippets, many per process: run by the python3 that has boto3, it answers one JSON line per snippet
# file named on stdin, each run in its own namespace (runpy), its exceptions caught so the next one runs.
#   in:  {"id": "…", "file": "/tmp/…/case-12.py", "env": {…}}  (env: optional, for this snippet only)
#   out: {"id": "…", "answer": "success" | "not-parsed" | "error", "code": "…", "output": "…"}
# "not-parsed": the snippet is not valid Python, or botocore refused its parameters before sending anything
# (ParamValidationError: an unknown name, a missing required value, a wrong type).
import contextlib
import json
import os
import runpy
import sys
import traceback

import boto3
import botocore.exceptions


def run(path):
    try:
        namespace = runpy.run_path(path, run_name='__peer__')
    except SyntaxError as error:
        return {'answer': 'not-parsed', 'output': f'SyntaxError: {error}'}
    except botocore.exceptions.ParamValidationError as error:
        return {'answer': 'not-parsed', 'output': str(error)}
    except botocore.exceptions.ClientError as error:
        code = error.response.get('Error', {}).get('Code') or str(error.response.get('ResponseMetadata', {}).get('HTTPStatusCode', '?'))
        return {'answer': 'error', 'code': code, 'output': str(error)}
    except Exception as error:  # noqa: BLE001 — one snippet's failure is its answer, never the driver's end
        return {'answer': 'error', 'code': type(error).__name__, 'output': traceback.format_exc(limit=3)}
    response = namespace.get('response')
    return {'answer': 'success', 'output': json.dumps(response, default=str)[:1500]}


@contextlib.contextmanager
def environment(extra):
    """The variables set for one snippet (another account's access key), then put back. boto3's default
    session keeps the credentials it first resolved, so it is dropped on both sides of such a snippet."""
    if not extra:
        yield
        return
    saved = {name: os.environ.get(name) for name in extra}
    os.environ.update(extra)
    boto3.DEFAULT_SESSION = None
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        boto3.DEFAULT_SESSION = None


def main():
    channel = os.fdopen(os.dup(1), 'w', encoding='utf-8')
    os.dup2(2, 1)  # a snippet's prints never reach the channel
    channel.write(json.dumps({'ready': True}) + '\n')
    channel.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        with environment(request.get('env') or {}):
            answer = run(request['file'])
        channel.write(json.dumps({'id': request['id'], **answer}) + '\n')
        channel.flush()


if __name__ == '__main__':
    main()
