"""Copied as `sitecustomize.py` into a folder put first on PYTHONPATH by the privacy tests, so that it loads in
every Python process they start (and in those processes' children, which inherit the environment).

It wraps the socket API at the points every Python network client goes through (socket.connect/connect_ex/
sendto, socket.create_connection, getaddrinfo, gethostbyname*) and refuses any destination that is not this
machine: loopback addresses, `localhost` and Unix sockets pass; anything else is written as one JSON line to
$ONCO_NETGUARD_LOG (with the stack, to find the culprit) and fails as an unreachable network would. Each process
also appends a line to $ONCO_NETGUARD_LOG.loaded, so a test can prove the guard was active and cannot pass
vacuously. Native code (llama.cpp, Chroma's Rust core) bypasses these wrappers; the tests add strace for that."""

from __future__ import annotations

import errno
import ipaddress
import json
import os
import socket
import sys
import traceback
from typing import Any

LOG = os.environ.get("ONCO_NETGUARD_LOG", "")
LOCAL_NAMES = {"", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _local_host(host: Any) -> bool:
    if host is None:
        return True  # getaddrinfo(None, port): the wildcard used to bind a server
    if isinstance(host, bytes | bytearray):
        host = bytes(host).decode("ascii", "replace")
    name = str(host).strip("[]").split("%", 1)[0].lower()
    if name in LOCAL_NAMES or name.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return False  # any other name: resolving it may already ask a DNS server
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_unspecified  # connecting to 0.0.0.0 reaches this machine on Linux


def _local_address(sock: socket.socket, address: Any) -> bool:
    if getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX:
        return True
    if isinstance(address, tuple) and address:
        return _local_host(address[0])
    return False


def _record(kind: str, target: Any) -> None:
    entry = {
        "pid": os.getpid(),
        "argv": list(getattr(sys, "argv", []))[:4],
        "kind": kind,
        "target": repr(target),
        "stack": traceback.format_stack(limit=25)[:-2],
    }
    if LOG:
        with open(LOG, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")


def _refused() -> OSError:
    return OSError(errno.ENETUNREACH, "network access refused by the privacy test (netguard)")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto
_create_connection = socket.create_connection
_getaddrinfo = socket.getaddrinfo
_gethostbyname = socket.gethostbyname
_gethostbyname_ex = socket.gethostbyname_ex
_gethostbyaddr = socket.gethostbyaddr


def connect(self: socket.socket, address: Any) -> None:
    if not _local_address(self, address):
        _record("connect", address)
        raise _refused()
    return _connect(self, address)


def connect_ex(self: socket.socket, address: Any) -> int:
    if not _local_address(self, address):
        _record("connect_ex", address)
        return errno.ENETUNREACH
    return _connect_ex(self, address)


def sendto(self: socket.socket, data: Any, *args: Any) -> int:
    address = args[-1]  # sendto(data, address) or sendto(data, flags, address)
    if not _local_address(self, address):
        _record("sendto", address)
        raise _refused()
    return _sendto(self, data, *args)


def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
    if not _local_host(address[0]):
        _record("create_connection", address)
        raise _refused()
    return _create_connection(address, *args, **kwargs)


def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    if not _local_host(host):
        _record("getaddrinfo", (host, port))
        raise socket.gaierror(socket.EAI_NONAME, "name resolution refused by the privacy test (netguard)")
    return _getaddrinfo(host, port, *args, **kwargs)


def gethostbyname(host: str) -> str:
    if not _local_host(host):
        _record("gethostbyname", host)
        raise socket.gaierror(socket.EAI_NONAME, "name resolution refused by the privacy test (netguard)")
    return _gethostbyname(host)


def gethostbyname_ex(host: str) -> Any:
    if not _local_host(host):
        _record("gethostbyname_ex", host)
        raise socket.gaierror(socket.EAI_NONAME, "name resolution refused by the privacy test (netguard)")
    return _gethostbyname_ex(host)


def gethostbyaddr(host: str) -> Any:
    if not _local_host(host):
        _record("gethostbyaddr", host)
        raise socket.herror(1, "reverse resolution refused by the privacy test (netguard)")
    return _gethostbyaddr(host)


socket.socket.connect = connect  # type: ignore[method-assign]
socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
socket.socket.sendto = sendto  # type: ignore[method-assign]
socket.create_connection = create_connection
socket.getaddrinfo = getaddrinfo
socket.gethostbyname = gethostbyname
socket.gethostbyname_ex = gethostbyname_ex
socket.gethostbyaddr = gethostbyaddr

if LOG:
    with open(LOG + ".loaded", "a", encoding="utf-8") as _marker:
        _marker.write(json.dumps({"pid": os.getpid(), "argv": list(getattr(sys, "argv", []))}) + "\n")
