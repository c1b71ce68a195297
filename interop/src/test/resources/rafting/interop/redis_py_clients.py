"""An application's clients of the Raft key-value cluster, written with redis-py as for any Redis.

usage: redis_py_clients.py cluster PORT...   RedisCluster clients, each started at a different node
       redis_py_clients.py plain LEADER PORT...   plain Redis clients, one per node

It talks with the Java test on stdin and stdout: it prints "ready" once the clients run, waits for
a line "killed" (the test has killed the leader with SIGKILL), goes on for a while, then prints
the history of its clients ("H client invoked completed command reply", tab-separated, times in
ns of one monotonic clock, completed "-" when the call failed), "FAIL what" for any reply that
was wrong, and "done".
"""
import sys
import threading
import time

import redis
from redis.cluster import RedisCluster

HOST = "127.0.0.1"
failures = []
failures_seen = []  # calls that raised: open operations, reported, not failures


def check(what, actual, expected):
    if actual != expected:
        failures.append("%s: expected %r, got %r" % (what, expected, actual))


def everyday(r, prefix):
    """The commands applications use first, with the replies Redis gives."""
    k = prefix + "{t}"
    check("set ex", r.set(k + "s", "v", ex=100), True)
    check("ttl in range", 95 <= r.ttl(k + "s") <= 100, True)  # counted from the stamps of two entries
    check("pttl in range", 95000 <= r.pttl(k + "s") <= 100000, True)
    check("persist", r.persist(k + "s"), True)
    check("ttl after persist", r.ttl(k + "s"), -1)
    check("expire", r.expire(k + "s", 50), True)
    check("pexpire", r.pexpire(k + "s", 70000), True)
    check("ttl after pexpire", 65 <= r.ttl(k + "s") <= 70, True)
    check("set px then gone", r.set(k + "short", "v", px=1), True)
    time.sleep(0.05)
    check("expired", r.get(k + "short"), None)
    check("incr", r.incr(k + "n"), 1)
    check("incrby", r.incrby(k + "n", 41), 42)
    check("decr", r.decr(k + "n"), 41)
    check("decrby", r.decrby(k + "n", 40), 1)
    try:
        r.incr(k + "s")
        failures.append("incr of a word did not fail")
    except redis.exceptions.ResponseError as e:
        check("incr of a word", str(e), "value is not an integer or out of range")
    check("append", r.append(k + "a", "hello"), 5)
    check("append more", r.append(k + "a", " world"), 11)
    check("strlen", r.strlen(k + "a"), 11)
    check("getdel", r.getdel(k + "a"), b"hello world")
    check("getdel again", r.getdel(k + "a"), None)
    check("getset", r.getset(k + "g", "1"), None)
    check("getset again", r.getset(k + "g", "2"), b"1")
    check("setnx", r.setnx(k + "g", "3"), False)
    check("set nx", r.set(k + "g", "3", nx=True), None)
    check("set xx get", r.set(k + "g", "4", xx=True, get=True), b"2")
    check("mset", r.mset({k + "m1": "a", k + "m2": "b"}), True)
    check("mget", r.mget([k + "m1", k + "m2", k + "m3"]), [b"a", b"b", None])
    check("msetnx refused", r.msetnx({k + "m2": "x", k + "m3": "y"}), False)
    check("msetnx", r.msetnx({k + "m3": "c", k + "m4": "d"}), True)
    check("exists", r.exists(k + "m1", k + "m3", k + "zz"), 2)
    check("delete", r.delete(k + "m1", k + "zz"), 1)
    binary = bytes(range(256))
    check("binary set", r.set(binary, binary), True)
    check("binary get", r.get(binary), binary)
    check("cas", r.execute_command("CAS", k + "g", "4", "5"), 1)
    pipe = r.pipeline(transaction=False) if isinstance(r, redis.Redis) else r.pipeline()
    for i in range(1000):
        pipe.set(k + "p", str(i))
    pipe.get(k + "p")
    results = pipe.execute()
    check("pipeline", results[-1], b"999")
    check("dbsize", r.dbsize() > 0, True)


def worker(client, r, keys, stop, history):
    """Writes its own key, with values never written before, and reads every client's key."""
    n = 0
    while not stop.is_set():
        n += 1
        key = keys[n % len(keys)]
        write = n % 2 == 0
        command = ("SET %s %d%04d" % (keys[client - 1], n, client)) if write else ("GET %s" % key)
        invoked = time.monotonic_ns()
        try:
            if write:
                reply = "OK" if r.set(keys[client - 1], "%d%04d" % (n, client)) else "?"
            else:
                value = r.get(key)
                reply = "nil" if value is None else value.decode()
            history.append((client, invoked, time.monotonic_ns(), command, reply))
        except Exception as e:  # RedisClusterException is no RedisError; either way the outcome is unknown
            history.append((client, invoked, None, command, type(e).__name__))
            failures_seen.append("%s after %d calls: %s" % (type(e).__name__, n, e))


def main():
    mode, ports = sys.argv[1], [int(p) for p in sys.argv[2:]]
    history = []
    stop = threading.Event()
    threads = []
    if mode == "cluster":
        everyday(RedisCluster(host=HOST, port=ports[0]), "py")
        keys = ["c%d" % c for c in range(1, 4)]
        for c in range(1, 4):
            r = RedisCluster(host=HOST, port=ports[(c - 1) % len(ports)])
            threads.append(threading.Thread(target=worker, args=(c, r, keys, stop, history)))
    else:
        leader, others = ports[0], ports[1:]
        everyday(redis.Redis(host=HOST, port=leader), "plain")
        for port in others:
            try:
                redis.Redis(host=HOST, port=port).get("foo")
                failures.append("a follower answered a plain GET")
            except redis.exceptions.ResponseError as e:
                check("a follower's answer", str(e), "MOVED 12182 %s:%d" % (HOST, leader))
    for t in threads:
        t.start()
    time.sleep(1)
    print("ready", flush=True)
    check("the test's word", sys.stdin.readline().strip(), "killed")
    killed = time.monotonic_ns()
    if mode == "cluster":
        time.sleep(6)
    else:
        plain_after_the_kill(others)
    stop.set()
    for t in threads:
        t.join(30)
    for client, invoked, completed, command, reply in history:
        print("H\t%d\t%d\t%s\t%s\t%s" % (client, invoked, "-" if completed is None else completed, command, reply))
    for c in range(1, len(threads) + 1):
        after = [h for h in history if h[0] == c and h[2] is not None and h[1] > killed]
        print("after-kill\t%d\t%d" % (c, len(after)))
    for seen in failures_seen[:20]:
        print("raised\t" + seen)
    for failure in failures:
        print("FAIL\t" + failure)
    print("done", flush=True)


def plain_after_the_kill(survivors):
    """A plain client cannot follow a leader; each survivor serves it or names the new leader."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        answers = []
        for port in survivors:
            try:
                answers.append(("served", port, redis.Redis(host=HOST, port=port).set("after", "kill")))
            except redis.exceptions.ResponseError as e:
                answers.append(("error", port, str(e)))
            except redis.exceptions.ConnectionError as e:
                answers.append(("down", port, str(e)))
        served = [a for a in answers if a[0] == "served"]
        if len(served) == 1:
            # The others were asked before or while the leader won its election: ask them again now
            # that it has committed a write, which they have acknowledged.
            leader = served[0][1]
            for port in survivors:
                if port != leader:
                    try:
                        said = redis.Redis(host=HOST, port=port).get("after")
                    except redis.exceptions.ResponseError as e:
                        said = str(e)
                    check("a survivor names the new leader", said, "MOVED 8964 %s:%d" % (HOST, leader))
            check("the new leader's value", redis.Redis(host=HOST, port=leader).get("after"), b"kill")
            return
        time.sleep(0.1)
    failures.append("no survivor served a plain client within 20 s: %r" % answers)


if __name__ == "__main__":
    main()
