# asyncio.run with tasks, gather, sleep, wait_for, queues, exceptions,
# cancellation and the event loop's self-pipe (socket.socketpair + select).
import asyncio
import selectors
import socket
import select
import time


async def double(n, delay=0):
    await asyncio.sleep(delay)
    return n * 2


async def fails(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        out.append(item * item)


async def forever():
    await asyncio.sleep(3600)


async def main():
    t = asyncio.create_task(double(21))
    print("task", await t, t.done(), t.result())
    print("gather", await asyncio.gather(double(1), double(2, 0.001), double(3)))
    res = await asyncio.gather(double(1), fails("bad"), return_exceptions=True)
    print("gather exceptions", [type(r).__name__ if isinstance(r, Exception) else r for r in res])
    try:
        await asyncio.gather(fails("first"), double(5))
    except ValueError as e:
        print("gather raised", e)
    print("wait_for", await asyncio.wait_for(double(4), timeout=1))
    try:
        await asyncio.wait_for(forever(), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    q = asyncio.Queue()
    out = []
    await asyncio.gather(producer(q, 5), consumer(q, out))
    print("queue", out, q.empty())
    task = asyncio.create_task(forever())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())
    bad = asyncio.create_task(fails("in task"))
    await asyncio.sleep(0.001)
    print("task exception", repr(bad.exception()))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "soon")
    print("future", await fut)
    later = loop.create_future()
    loop.call_later(0.002, later.set_result, "later")
    print("call_later", await later)
    done, pending = await asyncio.wait([double(7), double(8)])
    print("wait", sorted(t.result() for t in done), len(pending))
    results = []
    for f in asyncio.as_completed([double(3, 0.2), double(1)]):
        results.append(await f)
    print("as_completed", results)
    return "main done"


print(asyncio.run(main()))


async def outer():
    async def inner():
        raise KeyError("deep")
    await inner()


try:
    asyncio.run(outer())
except KeyError as e:
    print("run raised", repr(e))

# The pieces under the event loop.
a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.fileno() >= 0)
a.setblocking(False)
try:
    a.recv(10)
except BlockingIOError:
    print("nothing to read yet")
print(select.select([a], [], [], 0)[0] == [])
print(b.send(b"ping"))
print(select.select([a], [b], [], 1) == ([a], [b], []))
print(a.recv(100))
sel = selectors.DefaultSelector()
print(type(sel).__name__)
sel.register(a, selectors.EVENT_READ, "data")
print(sel.select(0))
b.sendall(b"x" * 3)
print([(key.data, events) for key, events in sel.select(1)])
print(a.recv(10))
sel.close()
b.close()
print(a.recv(10))
a.close()
start = time.monotonic()
print(select.select([], [], [], 0.01), time.monotonic() - start >= 0.009)
print(time.get_clock_info("monotonic"))
try:
    time.get_clock_info("nope")
except ValueError as e:
    print(e)
