#!/usr/bin/env python3
"""Re-check a filing package on a Python portal server through
`filing-check serve`, with the standard library only.

    python3 check_package.py package.json [http://127.0.0.1:8787]

Prints the verdict and exits like filing-check: 0 ready, 1 blocked,
2 not judged (the service said why, in both languages).
"""
import json
import sys
import urllib.error
import urllib.request


def check(path: str, service: str) -> int:
    with open(path, "rb") as f:
        body = f.read()  # the bytes as received from the browser: the digest covers them
    request = urllib.request.Request(
        f"{service}/v1/check?lang=en",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            verdict = json.load(response)
    except urllib.error.HTTPError as refused:
        error = json.load(refused)
        print(f"not judged (HTTP {refused.code}, {error['code']}): {error['message']['en']}")
        return 2
    for finding in verdict["findings"]:
        print(f"{finding['severity']} [{finding['rule']}] {finding['message']['en']} ({finding['path']})")
    print("ready" if verdict["ready"] else "blocked")
    return verdict["exit"]


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: check_package.py PACKAGE.json [SERVICE_URL]", file=sys.stderr)
        sys.exit(2)
    sys.exit(check(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8787"))
